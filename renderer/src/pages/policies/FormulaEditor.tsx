import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { formulaCompletion, formulaLanguage, setNames, type EditorNames } from './formula-language';

export interface EditorProblem {
  from: number;
  to: number;
  message: string;
}

interface Props {
  value: string;
  onChange: (value: string) => void;
  names: EditorNames;
  problems: readonly EditorProblem[];
  readOnly: boolean;
  placeholderText: string;
  testId: string;
}

/** One formula in a CodeMirror 6 editor: coloured names, autocomplete, errors underlined as you type. */
export function FormulaEditor({ value, onChange, names, problems, readOnly, placeholderText, testId }: Props): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          autocompletion({ override: [formulaCompletion], icons: false }),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          EditorView.lineWrapping,
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
          placeholder(placeholderText),
          formulaLanguage(),
          EditorView.contentAttributes.of({ 'aria-label': placeholderText, 'data-testid': `${testId}-input` }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) onChangeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    v.dispatch({ effects: setNames.of(names) });
    return () => {
      v.destroy();
      view.current = null;
    };
    // The editor is created once; value, names and problems are pushed in by the effects below.
  }, [readOnly]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: setNames.of(names) });
  }, [names]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const len = v.state.doc.length;
    const diagnostics: Diagnostic[] = problems.map((p) => {
      const from = Math.min(p.from, len);
      // an issue at the very end (e.g. a missing bracket) still gets a visible mark
      const to = Math.min(Math.max(p.to, from + 1), len);
      return { from: to > from ? from : Math.max(0, from - 1), to: to > from ? to : len, severity: 'error', message: p.message };
    });
    v.dispatch(setDiagnostics(v.state, diagnostics));
  }, [problems, value]);

  return <div ref={host} data-testid={testId} />;
}
