// Starts the NHS.UK frontend components (header menu, skip link, tables…). Loaded as a module, so it only runs in
// browsers the design system supports; it sets the classes the NHS.UK template would set with an inline script,
// which the Content-Security-Policy does not allow.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// Paper cannot be unfolded: details marked data-print-open print open. site.css does it where a browser can style
// ::details-content; this covers the browsers that cannot, and folds them again once printed.
const unfolded = [];
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details[data-print-open]:not([open])').forEach((details) => {
    details.open = true;
    unfolded.push(details);
  });
});
window.addEventListener('afterprint', () => {
  unfolded.splice(0).forEach((details) => {
    details.open = false;
  });
});
