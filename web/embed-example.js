// The example host page's side of the tool's postMessage API, version 1 (docs/embedding.md).
// A portal copies what it needs: check the sender's origin and window, read only the documented
// fields, and send `configure` only to the tool's origin.
const params = new URLSearchParams(location.search);
const appUrl = new URL(params.get('app') ?? 'index.html', location.href);
const appOrigin = appUrl.origin;
const frame = document.getElementById('tool');
const log = document.getElementById('log');
const status = document.getElementById('status');
// For the end-to-end test (and a developer's console): every message accepted, in order.
window.received = [];

// The tool answers only origins listed in its embed.json: say so if it stays silent, instead of
// waiting forever (a first try usually forgets that list).
let ready = false;
frame.addEventListener('load', () => {
  setTimeout(() => {
    if (ready) return;
    status.textContent = `Công cụ chưa trả lời. Thêm “${location.origin}” vào “allowedOrigins” trong embed.json của công cụ (${new URL('embed.json', appUrl).href}), rồi tải lại trang. / The tool has not answered. Add “${location.origin}” to “allowedOrigins” in the tool's embed.json, then reload.`;
  }, 3000);
});

frame.style.width = '100%';
frame.style.height = '600px';
frame.src = appUrl.href;

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');

function note(text) {
  const item = document.createElement('li');
  item.textContent = text;
  log.append(item);
}

window.addEventListener('message', async (event) => {
  // Only the tool, from its own origin, in this page's frame.
  if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
  const message = event.data;
  if (message?.protocol !== 'tdg-embed' || message.version !== 1) return;
  window.received.push(message);
  switch (message.type) {
    case 'ready':
      ready = true;
      status.textContent = `Công cụ sẵn sàng (phiên bản ${message.appVersion}, danh mục ${message.catalog.id}).`;
      break;
    case 'resize':
      frame.style.height = `${Math.max(300, message.height + 20)}px`;
      break;
    case 'configured':
      note(message.status === 'applied' ? 'Đã điền sẵn.' : 'Công cụ hỏi người dùng trước khi thay thông tin đã nhập.');
      break;
    case 'report-signed':
      note(`Đơn vị đã ký ${message.fileName} (SHA-256 ${message.sha256}).`);
      break;
    case 'report': {
      // The file's bytes are its text in UTF-8; check them against the hash before filing.
      const digest = hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(message.report)));
      const ok = digest === message.sha256;
      window.received.push({ type: 'report-checked', ok });
      note(`Đã nhận báo cáo ${message.fileName}: SHA-256 ${ok ? 'khớp' : 'KHÔNG khớp'}.`);
      break;
    }
    default:
      break;
  }
});

document.getElementById('configure').addEventListener('click', () => {
  const value = (id) => document.getElementById(id).value;
  frame.contentWindow.postMessage({
    protocol: 'tdg-embed',
    version: 1,
    type: 'configure',
    unit: { name: value('unit-name'), code: value('unit-code'), cluster: value('unit-cluster') },
    tier: value('unit-tier'),
    period: Number(value('unit-period')),
  }, appOrigin);
});
