/**
 * Unsaved edits are not lost without a question: not on closing or reloading the page, not on
 * following a link to another view (`here` is the view's own link, which stays), not on logging out
 * (the button carries `data-leaves`). A view passes its handlers to <svelte:window>.
 */
export function leaveGuard(dirty: () => boolean, question: () => string, here: string | null) {
  return {
    onbeforeunload(e: BeforeUnloadEvent) {
      if (!dirty()) return;
      e.preventDefault();
      e.returnValue = question();
    },
    onclickcapture(e: MouseEvent) {
      if (!dirty() || e.defaultPrevented || e.button !== 0) return;
      const target = (e.target as Element | null)?.closest?.(here === null ? '[data-leaves]' : 'a[href^="#/"], [data-leaves]');
      if (!target || target.getAttribute('href') === here) return;
      if (!window.confirm(question())) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
  };
}
