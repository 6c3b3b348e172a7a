//! Delayed callbacks for the content script. Chromium never fires a content script's
//! `setTimeout` on a page where the reader switched JavaScript off, but it does run tasks
//! posted with `scheduler.postTask(.., {delay})`; so that is used where it exists, and a
//! timer elsewhere. Dropping a [`Delay`] cancels it, like a gloo `Timeout`.

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `globalThis.scheduler` (Prioritized Task Scheduling).
    type PostingScheduler;
    #[wasm_bindgen(method, catch, js_name = yield)]
    fn yield_now(this: &PostingScheduler) -> Result<Yielded, JsValue>;

    /// The promise `scheduler.yield()` returns.
    type Yielded;
    #[wasm_bindgen(method)]
    fn then(this: &Yielded, callback: &js_sys::Function);
    #[wasm_bindgen(method, catch, js_name = postTask)]
    fn post_task(
        this: &PostingScheduler,
        callback: &js_sys::Function,
        options: &JsValue,
    ) -> Result<js_sys::Promise, JsValue>;

    /// `TaskController`: its signal cancels a posted task.
    type TaskController;
    #[wasm_bindgen(constructor, catch)]
    fn new() -> Result<TaskController, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &TaskController) -> JsValue;
    #[wasm_bindgen(method)]
    fn abort(this: &TaskController);
}

/// A callback due after a delay; cancelled when dropped.
pub struct Delay(Pending);

enum Pending {
    Posted {
        controller: TaskController,
        _callback: Closure<dyn FnMut()>,
    },
    // Held only to be dropped: dropping a gloo `Timeout` clears it.
    Timer(#[allow(dead_code)] Timeout),
}

impl Delay {
    pub fn new(millis: u32, then: impl FnOnce() + 'static) -> Delay {
        let mut then = Some(then);
        let callback = Closure::<dyn FnMut()>::new(move || {
            if let Some(then) = then.take() {
                then();
            }
        });
        match post(millis, &callback) {
            Some(controller) => Delay(Pending::Posted {
                controller,
                _callback: callback,
            }),
            None => {
                // `callback` holds `then`; a timer calls it instead.
                Delay(Pending::Timer(Timeout::new(millis, move || {
                    let function: &js_sys::Function = callback.as_ref().unchecked_ref();
                    let _ = function.call0(&JsValue::NULL);
                })))
            }
        }
    }
}

impl Drop for Delay {
    fn drop(&mut self) {
        if let Pending::Posted { controller, .. } = &self.0 {
            controller.abort();
        }
    }
}

/// Posts `callback` with `scheduler.postTask`, or None where that is missing or refused.
fn post(millis: u32, callback: &Closure<dyn FnMut()>) -> Option<TaskController> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into()).ok()?;
    let has_post_task = js_sys::Reflect::get(&scheduler, &"postTask".into())
        .ok()
        .is_some_and(|f| f.is_function());
    if !has_post_task {
        return None;
    }
    let controller = TaskController::new().ok()?;
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"delay".into(), &f64::from(millis).into()).ok()?;
    js_sys::Reflect::set(&options, &"signal".into(), &controller.signal()).ok()?;
    let promise = scheduler
        .unchecked_into::<PostingScheduler>()
        .post_task(callback.as_ref().unchecked_ref(), &options)
        .ok()?;
    // A cancelled task rejects its promise; that is expected, not an error to report.
    thread_local! {
        static IGNORE: Closure<dyn FnMut(JsValue)> = Closure::new(|_| {});
    }
    IGNORE.with(|ignore| {
        let _ = promise.catch(ignore);
    });
    Some(controller)
}

/// Runs `then` in a later task, after the browser has had a turn (input, rendering).
/// `scheduler.yield()` is used where it exists: its continuation is a promise reaction,
/// which also runs on pages where the reader switched JavaScript off (Chromium then never
/// fires a content script's timers). Elsewhere a zero-delay timer.
pub fn in_next_task(then: impl FnOnce() + 'static) -> Option<Delay> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object());
    let promise = scheduler.and_then(|s| s.unchecked_into::<PostingScheduler>().yield_now().ok());
    match promise {
        Some(promise) => {
            let callback = Closure::once_into_js(then);
            promise.then(callback.unchecked_ref());
            None
        }
        None => Some(Delay::new(0, then)),
    }
}
