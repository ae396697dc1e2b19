//! Strings from the host into the module.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// The host's `TextEncoder` (Node, browsers and workerd all have one).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Writes UTF-8 into `into` as far as it fits; the result's `read` counts UTF-16 units.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        text: &js_sys::JsString,
        into: &js_sys::Uint8Array,
    ) -> EncodeResult;
    type EncodeResult;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string as UTF-8. A long one is encoded by the host straight into the module's memory
/// in one call: wasm-bindgen's own conversion copies an ASCII string one character at a time
/// in JS, about a tenth of a compiled render's time for 2 KB of template data. A short one, or
/// one with more multi-byte characters than the first guess leaves room for, takes that way.
pub(super) fn utf8(text: &js_sys::JsString) -> String {
    let units = text.length() as usize;
    if units < 256 {
        return String::from(text);
    }
    let mut bytes = vec![0u8; units + units / 8 + 16];
    let at = u32::try_from(bytes.as_mut_ptr() as usize);
    let len = u32::try_from(bytes.len());
    let (Ok(at), Ok(len)) = (at, len) else {
        return String::from(text);
    };
    let memory = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
    let view = js_sys::Uint8Array::new_with_byte_offset_and_length(&memory.buffer(), at, len);
    let result = ENCODER.with(|encoder| encoder.encode_into(text, &view));
    if result.read() as usize != units {
        return String::from(text);
    }
    bytes.truncate(result.written() as usize);
    String::from_utf8(bytes).unwrap_or_else(|_| String::from(text))
}
