// Progressive enhancement only: every page works without JavaScript.
// Marks the body as GOV.UK Frontend expects, then starts its components
// (error summary focus, the service navigation's menu toggle, buttons).
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
