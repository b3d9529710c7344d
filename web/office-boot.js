// Starts the office view (office.html). A file of its own, not an inline script, so that the
// strict Content-Security-Policy needs no 'unsafe-inline'. The same module serves the page
// (`run_app`) and its worker (office-worker.js).
import init, { run_app } from './office_web.js';
init({ module_or_path: new URL('office_web_bg.wasm', import.meta.url) }).then(run_app).catch((error) => {
  const root = document.getElementById('app');
  root.textContent = 'Không khởi động được trang (trình duyệt quá cũ?). / The page could not start (browser too old?). ' + error;
  root.setAttribute('role', 'alert');
});
