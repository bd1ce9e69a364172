// The map beside a location list (Pages/Shared/_Places.cshtml): a static file, as the CSP runs no inline script.
// It only repeats the list as markers; the list works without it. Tiles come from the server in data-tegels.
(() => {
    'use strict';
    function draw(container) {
        if (!window.L) return;
        const cards = Array.from(document.querySelectorAll('[data-plaats]'));
        const points = cards
            .map(card => ({ card, lat: parseFloat(card.dataset.lat), lon: parseFloat(card.dataset.lon) }))
            .filter(p => Number.isFinite(p.lat) && Number.isFinite(p.lon));
        if (points.length === 0) { container.hidden = true; return; }
        const map = L.map(container, { scrollWheelZoom: false });
        map.attributionControl.setPrefix(false);
        L.tileLayer(container.dataset.tegels, { attribution: container.dataset.bron, maxZoom: 19, minZoom: 6 }).addTo(map);
        const bounds = [];
        points.forEach((p, i) => {
            const name = p.card.dataset.naam;
            const marker = L.marker([p.lat, p.lon], { title: name, alt: `${i + 1}. ${name}`, keyboard: true }).addTo(map);
            // Built from text nodes: names come from the API and are never parsed as HTML.
            const popup = document.createElement('a');
            popup.href = `#${p.card.id}`;
            popup.textContent = name;
            marker.bindPopup(popup);
            bounds.push([p.lat, p.lon]);
        });
        if (bounds.length === 1) map.setView(bounds[0], 15);
        else map.fitBounds(bounds, { padding: [24, 24] });
    }
    const start = () => document.querySelectorAll('[data-kaart]').forEach(draw);
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
    else start();
})();
