// The template editor of <mailfit-preview>: CodeMirror 6 (vendored into ../vendor/ by
// scripts/vendor-www.mjs) with Liquid-over-HTML or JSON, a lint gutter for errors at their line
// and column, and completions from the customer's template data. Loaded on first use.
import { basicSetup } from "../vendor/codemirror.js";
import { EditorState } from "../vendor/@codemirror/state.js";
import { EditorView } from "../vendor/@codemirror/view.js";
import { liquid } from "../vendor/@codemirror/lang-liquid.js";
import { json } from "../vendor/@codemirror/lang-json.js";
import { lintGutter, setDiagnostics } from "../vendor/@codemirror/lint.js";

const theme = EditorView.theme({
  "&": { height: "100%", fontSize: "13px", backgroundColor: "#fff" },
  ".cm-scroller": { fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace", lineHeight: "1.55" },
  ".cm-gutters": { backgroundColor: "#fafbfa", borderRight: "1px solid #e6e9e6", color: "#9aa3a0" },
  ".cm-activeLineGutter": { backgroundColor: "#eef4f1" },
  ".cm-activeLine": { backgroundColor: "#f6faf8" },
  "&.cm-focused": { outline: "none" },
  ".cm-tooltip": { borderRadius: "6px", border: "1px solid #dfe3e0" },
  ".cm-diagnostic-error": { borderLeft: "4px solid #c2362b" },
});

// `data` is read when completing, so completions follow the selected customer.
function liquidSupport(getData) {
  const valueAt = (path) => path.reduce((v, k) => (v && typeof v === "object" ? v[k] : undefined), getData());
  const options = (obj) => Object.entries(obj ?? {}).map(([label, v]) => ({
    label,
    type: v && typeof v === "object" ? "namespace" : "property",
    detail: Array.isArray(v) ? `list of ${v.length}` : v && typeof v === "object" ? "object" : JSON.stringify(v)?.slice(0, 40),
  }));
  return liquid({
    variables: options(getData()).map((o) => ({ ...o, type: "variable" })), // top-level names: the same for every customer
    properties: (path) => {
      const v = valueAt(path);
      return v && typeof v === "object" && !Array.isArray(v) ? options(v) : [];
    },
  });
}

export function createEditor({ parent, onChange, getData }) {
  const states = new Map();
  const extensions = (lang) => [
    basicSetup,
    lintGutter(),
    theme,
    EditorView.lineWrapping,
    lang === "json" ? json() : liquidSupport(getData),
    EditorView.updateListener.of((u) => { if (u.docChanged) onChange(current, u.state.doc.toString()); }),
  ];
  let current = null;
  const view = new EditorView({ parent, state: EditorState.create({ doc: "" }) });

  return {
    view,
    /** Shows file `key` (keeping each file's own undo history); `doc` seeds it the first time. */
    open(key, doc, lang) {
      if (current) states.set(current, view.state);
      current = key;
      let state = states.get(key);
      if (!state || state.doc.toString() !== doc) state = EditorState.create({ doc, extensions: extensions(lang) });
      view.setState(state);
    },
    get current() { return current; },
    /** Replaces the open file's text (a reset), as one undoable change. */
    replace(doc) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc } }); },
    /** Forgets every file (new data loaded). */
    reset() { states.clear(); current = null; },
    /** One error at 1-based line and column, or none; underlines the word there. */
    mark(error) {
      const diagnostics = [];
      if (error && error.line) {
        const doc = view.state.doc;
        const line = doc.line(Math.min(Math.max(error.line, 1), doc.lines));
        const from = Math.min(line.from + Math.max((error.column ?? 1) - 1, 0), line.to);
        const word = /^[\w.|'"%{}-]+/.exec(doc.sliceString(from, line.to))?.[0] ?? "";
        const to = Math.min(from + Math.max(word.length, 1), doc.length);
        diagnostics.push({ from, to: Math.max(to, from), severity: "error", message: error.message });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo(line, column = 1) {
      const doc = view.state.doc;
      const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
      const pos = Math.min(l.from + column - 1, l.to);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    insert(text) {
      const { from, to } = view.state.selection.main;
      view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length } });
      view.focus();
    },
  };
}
