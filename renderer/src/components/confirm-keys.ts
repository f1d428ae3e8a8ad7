import type { KeyboardEvent } from 'react';

/**
 * Keyboard confirmation for a dialog's text box (UI.md: Enter confirms dialogs): Ctrl+Enter (⌘+Enter)
 * always confirms; plain Enter confirms too unless `multiline` (a rejection's comment, where Enter is a
 * new line); Shift+Enter is always a new line. Enter that ends an IME composition (拼音) is left alone.
 */
export function confirmKeys(onConfirm: () => void, multiline = false): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing || e.keyCode === 229) return;
    if (!(e.ctrlKey || e.metaKey) && multiline) return;
    e.preventDefault();
    onConfirm();
  };
}
