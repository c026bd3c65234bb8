// Starts the NHS.UK frontend components (header menu, skip link, tables…). Loaded as a module, so it only runs in
// browsers the design system supports; it sets the classes the NHS.UK template would set with an inline script,
// which the Content-Security-Policy does not allow.
import { initAll } from '../lib/nhsuk-frontend/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
