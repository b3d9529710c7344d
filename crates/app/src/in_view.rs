//! Whether an element of the page is in view: the step bar follows the user to the signing
//! section (review 7, L6), which is not a screen of its own but the end of the assessment.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(inline_js = "
export function watch_in_view(id, seen) {
  if (typeof IntersectionObserver !== 'function') return null;
  // The element counts as in view once its top is in the upper 60 % of the window: the part
  // the user reads, not a heading peeking at the bottom edge.
  const observer = new IntersectionObserver(
    (entries) => seen(entries[entries.length - 1].isIntersecting),
    { rootMargin: '0px 0px -40% 0px' });
  // The element may be drawn in the same frame as the effect that asks for it: look again
  // once the frame is done.
  const attach = (tries) => {
    const element = document.getElementById(id);
    if (element) observer.observe(element);
    else if (tries > 0) requestAnimationFrame(() => attach(tries - 1));
  };
  attach(3);
  return observer;
}
export function stop_watching(observer) { if (observer) observer.disconnect(); }
")]
extern "C" {
    fn watch_in_view(id: &str, seen: &js_sys::Function) -> JsValue;
    fn stop_watching(observer: &JsValue);
}

/// True while the element with `id` is in the upper part of the window, watched only while
/// `active` (the element exists only on one screen). False where the browser cannot tell.
#[hook]
pub fn use_in_view(id: &'static str, active: bool) -> bool {
    let in_view = use_state_eq(|| false);
    {
        let in_view = in_view.clone();
        use_effect_with(active, move |active| {
            let watch = active.then(|| {
                let setter = in_view.clone();
                let seen = Closure::<dyn FnMut(bool)>::new(move |seen| setter.set(seen));
                (watch_in_view(id, seen.as_ref().unchecked_ref()), seen)
            });
            if watch.is_none() {
                in_view.set(false);
            }
            // The closure is dropped with the observer that calls it, not before.
            move || {
                if let Some((observer, _seen)) = watch {
                    stop_watching(&observer);
                }
            }
        });
    }
    *in_view
}
