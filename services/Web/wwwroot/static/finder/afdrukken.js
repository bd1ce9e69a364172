// "Verwijsbrief afdrukken": the browser's print dialog (the print stylesheet leaves only the slip).
(() => {
    'use strict';
    document.addEventListener('click', event => {
        if (event.target.closest('[data-afdrukken]')) window.print();
    });
})();
