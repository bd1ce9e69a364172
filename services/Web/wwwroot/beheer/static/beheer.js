// After a save the admin pages come back whole: take focus to what the save said (the reasons it was refused, or
// that it was saved), so keyboard and screen reader users start there instead of at the top of the page.
(function () {
    "use strict";
    function start() {
        var said = document.querySelector(".foutoverzicht, [data-focus-fout], [data-focus-klaar]");
        if (said) {
            var details = said.closest("details");
            if (details) details.open = true;
            said.focus();
        }
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
})();
