// Starts the WebAssembly app. A separate file (not an inline script) so that the strict
// Content-Security-Policy needs no 'unsafe-inline'. Relative URL: works under any sub-path.
import init from './tdg_app.js';
init({ module_or_path: new URL('tdg_app_bg.wasm', import.meta.url) }).catch((error) => {
  const root = document.getElementById('app');
  root.textContent = 'Không khởi động được ứng dụng (trình duyệt quá cũ?). / The app could not start (browser too old?). ' + error;
  root.setAttribute('role', 'alert');
});
