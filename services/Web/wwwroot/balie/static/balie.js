// The desk page's own script: a static file, because the CSP runs scripts from this origin only (no inline script,
// no eval). It does what htmx does not:
// - Never lose a registration: a visit goes into localStorage with its Idempotency-Key before it is sent, and is
//   forgotten only when the web service says the platform settled it (saved, or refused for a reason shown next to
//   its field). Until then it is sent again every few seconds; the key makes a repeat return the first visit.
// - Keyboard: Enter in a register-form field saves; after saving, focus returns to the first field.
// - "Vraag toevoegen" copies the question template (focus to its first field); "Vraag verwijderen" removes an added one
//   and renumbers the rest, so the names stay a list without gaps and every id and label its own.
// - The confirmation's undo button lasts a minute.
(() => {
    'use strict';
    const QUEUE = 'ido-balie-wachtrij';
    const RETRY_MS = 4000;
    const UNDO_MS = 60000;
    const SETTLED = 'X-Ido-Afgehandeld';
    const inFlight = new Set();

    const load = () => {
        try { return JSON.parse(localStorage.getItem(QUEUE)) || []; } catch { return []; }
    };
    const store = items => { localStorage.setItem(QUEUE, JSON.stringify(items)); showQueue(); };
    const forget = key => store(load().filter(item => item.key !== key));

    // A version-4 UUID from getRandomValues (randomUUID needs a secure context; a desk PC may reach us over plain http).
    function newKey() {
        const b = crypto.getRandomValues(new Uint8Array(16));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        const h = Array.from(b, x => x.toString(16).padStart(2, '0')).join('');
        return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }

    function showQueue() {
        const counter = document.getElementById('wachtrij');
        if (!counter) return;
        const n = load().length;
        counter.hidden = n === 0;
        counter.dataset.aantal = String(n);
        counter.textContent = n === 1
            ? '1 bezoek wacht op verzending (bewaard in deze browser).'
            : `${n} bezoeken wachten op verzending (bewaard in deze browser).`;
    }

    // The page's current antiforgery token, sent as a header: a visit queued before a new sign-in still passes.
    function antiforgery() {
        const field = document.querySelector('input[name="__RequestVerificationToken"]');
        return field ? field.value : '';
    }

    async function send(item) {
        inFlight.add(item.key);
        try {
            const response = await fetch(item.url, {
                method: 'POST',
                credentials: 'same-origin',
                headers: {
                    'Content-Type': 'application/x-www-form-urlencoded',
                    'Idempotency-Key': item.key,
                    'RequestVerificationToken': antiforgery(),
                },
                body: item.body,
            });
            const text = await response.text();
            if (response.headers.get(SETTLED) === 'ja') {
                forget(item.key);
                return { settled: true, ok: response.ok, html: text };
            }
            const plain = (response.headers.get('Content-Type') || '').startsWith('text/plain');
            return { settled: false, text: plain && text ? text : 'Het bezoek is in deze browser bewaard en wordt vanzelf verstuurd.' };
        } catch {
            return { settled: false, text: 'Het platform is niet bereikbaar. Het bezoek is in deze browser bewaard en wordt vanzelf verstuurd.' };
        } finally {
            inFlight.delete(item.key);
        }
    }

    function show(result) {
        const messages = document.getElementById('meldingen');
        if (!messages) return;
        if (result.settled && result.ok) {
            messages.innerHTML = result.html;
            if (window.htmx) window.htmx.process(messages);
            expireUndo(messages);
        } else if (result.settled) {
            // Refused for good: the form comes back with the visit's values and each reason at its field.
            const place = document.getElementById('registreer-plek');
            if (place) {
                place.innerHTML = result.html;
                if (window.htmx) window.htmx.process(place);
                const summary = place.querySelector('[data-foutoverzicht]');
                if (summary) summary.focus();
            }
            messages.textContent = '';
        } else {
            messages.innerHTML = '';
            const notice = document.createElement('p');
            notice.className = 'melding';
            notice.textContent = result.text;
            messages.append(notice);
        }
    }

    function expireUndo(root) {
        root.querySelectorAll('form[data-verloopt-na]').forEach(form => {
            window.setTimeout(() => {
                const note = document.createElement('p');
                note.className = 'hulptekst';
                note.textContent = 'Wijzigen of laten vervallen kan via het bezoek in de lijst.';
                form.replaceWith(note);
            }, UNDO_MS);
        });
    }

    function firstField(form) {
        return form.querySelector('select, input:not([type="hidden"]), textarea');
    }

    // The form as the page first came: after a save the next visitor starts from it, not from a form the server
    // sent back with a refused visit's values in it.
    const pristine = document.getElementById('registreer-plek')?.innerHTML;

    function resetForm(location) {
        const place = document.getElementById('registreer-plek');
        if (!place || pristine === undefined) return;
        place.innerHTML = pristine;
        if (window.htmx) window.htmx.process(place);
        const form = place.querySelector('form');
        if (form.elements.locationId) form.elements.locationId.value = location;
        const field = firstField(form);
        if (field) field.focus();
    }

    async function register(form) {
        form.elements.occurredAt.value = new Date().toISOString();
        const data = new URLSearchParams(new FormData(form));
        data.delete('__RequestVerificationToken');
        data.delete('idempotencyKey'); // the form's key is for a post without this script; the queue sends its own per visit
        const item = { key: newKey(), url: form.action, body: data.toString() };
        store([...load(), item]); // kept before it is sent: a crash or a closed tab loses nothing
        resetForm(form.elements.locationId ? form.elements.locationId.value : '');
        show(await send(item));
    }

    let flushing = false;
    async function flush() {
        if (flushing) return;
        flushing = true;
        try {
            for (const item of load()) {
                if (inFlight.has(item.key)) continue;
                const result = await send(item);
                show(result);
                if (!result.settled) break; // still down: the rest waits for the next round
            }
        } finally {
            flushing = false;
        }
    }

    let refreshing = null;
    function refreshList() {
        const list = document.getElementById('bezoeken');
        if (!list || refreshing) return;
        refreshing = fetch('/balie/bezoeken', { credentials: 'same-origin', headers: { 'HX-Request': 'true' } })
            .then(response => response.ok ? response.text() : null)
            .then(html => {
                const current = document.getElementById('bezoeken');
                if (html && current) current.outerHTML = html;
            })
            .catch(() => {})
            .finally(() => { refreshing = null; });
    }

    document.addEventListener('submit', event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.matches('[data-wachtrij-formulier]')) return;
        event.preventDefault();
        register(form);
    });

    document.addEventListener('keydown', event => {
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
        const target = event.target;
        if (!(target instanceof HTMLElement) || target.matches('textarea, button, a, summary')) return;
        const form = target.closest('form[data-wachtrij-formulier]');
        if (!form) return;
        event.preventDefault();
        form.requestSubmit();
    });

    // Question i's names, ids and labels (questions[i].x, veld-questions-i-x) and its number in the legend.
    function renumber(list) {
        list.querySelectorAll('[data-vraag]').forEach((question, i) => {
            for (const el of question.querySelectorAll('[name], [id], [for], [aria-describedby]'))
                for (const attr of ['name', 'id', 'for', 'aria-describedby'])
                    if (el.hasAttribute(attr))
                        el.setAttribute(attr, el.getAttribute(attr).replace(/questions\[\d+\]/g, `questions[${i}]`).replace(/questions-\d+-/g, `questions-${i}-`));
            question.querySelector('legend').textContent = `Vraag ${i + 1}`;
        });
    }

    document.addEventListener('click', event => {
        const target = event.target instanceof Element ? event.target : null;
        const remove = target?.closest('[data-vraag-verwijderen]');
        // Both are submit buttons (without this script the server adds or removes the question): here the browser does it.
        if (remove) {
            event.preventDefault();
            const form = remove.closest('form');
            const list = form.querySelector('[data-vragen]');
            remove.closest('[data-vraag]').remove();
            renumber(list);
            // The place just left: "Vraag toevoegen", right below the questions.
            form.querySelector('[data-vraag-toevoegen]').focus();
            return;
        }
        const button = target?.closest('[data-vraag-toevoegen]');
        if (!button) return;
        event.preventDefault();
        const form = button.closest('form');
        const list = form.querySelector('[data-vragen]');
        const count = list.querySelectorAll('[data-vraag]').length;
        if (count >= Number(button.dataset.max || 10)) return;
        const template = form.querySelector('template[data-vraag-sjabloon]');
        list.insertAdjacentHTML('beforeend', template.innerHTML.replaceAll('__i__', String(count)).replaceAll('__n__', String(count + 1)));
        const added = list.lastElementChild;
        if (window.htmx) window.htmx.process(added);
        added.querySelector('select').focus();
    });

    // A fragment that changed visits (a confirmation, an undo) refreshes this week's list. A visit page that came back
    // refused (a correction's error summary, "intussen gewijzigd", a void without reason) takes focus to the problem,
    // as the register form does, instead of leaving it on <body> far above.
    new MutationObserver(records => {
        for (const record of records)
            for (const node of record.addedNodes)
                if (node instanceof Element && (node.matches('[data-bezoeken-gewijzigd]') || node.querySelector('[data-bezoeken-gewijzigd]'))) {
                    const detail = node.matches('#bezoek-detail') ? node : node.querySelector('#bezoek-detail');
                    const problem = detail?.querySelector('[data-foutoverzicht], [data-focus-fout], [aria-invalid="true"]');
                    if (problem) {
                        problem.closest('details')?.setAttribute('open', '');
                        problem.focus();
                    } else detail?.querySelector('[data-focus-klaar]')?.focus(); // saved: start at what it says
                    refreshList();
                    return;
                }
    }).observe(document.body, { childList: true, subtree: true });

    // The desk page opens ready to type: focus on the register form's first field.
    const registerForm = document.querySelector('form[data-wachtrij-formulier]');
    if (registerForm && document.activeElement === document.body) firstField(registerForm)?.focus();

    showQueue();
    window.addEventListener('online', flush);
    window.setInterval(flush, RETRY_MS);
    flush();
})();
