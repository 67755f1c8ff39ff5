// A wide table's own scrolling box: on a phone the table scrolls inside it instead of the page scrolling sideways.
import type { ReactNode } from "react";

/**
 * A box that scrolls must be reachable from the keyboard (WCAG 2.1.1; axe's scrollable-region-focusable), so it is a
 * named region in the tab order: a keyboard user focuses it and scrolls with the arrow keys.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region needs focus to be scrolled by keyboard
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
