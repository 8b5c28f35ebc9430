/**
 * A compact "Export" menu: a disclosure (<details>) whose button opens a short list of
 * download buttons. Native, so Enter and Space open it and Tab walks its items; Escape and
 * a click elsewhere close it, and choosing an item closes it and returns focus to its
 * button (see useDisclosure: an Escape the moment the menu opens counts too). While a file is being made (seconds for a long text's SVG or PNG) a status line
 * says so, and a failure is reported there in words instead of being lost.
 */
import { useState } from 'react';
import { useMessages } from '../../messages';
import { useDisclosure } from '../common/useDisclosure';
import './ExportMenu.css';

/** One entry of the menu. */
export interface ExportItem {
  /** Stable key (also `data-export` on the button, for tests). */
  readonly id: string;
  readonly label: string;
  /** Makes and saves the file; may be async (the menu shows that it is busy). */
  run(): void | Promise<void>;
}

/** Props of `ExportMenu`. */
export interface ExportMenuProps {
  /** Said to screen readers after "Export", so that the page's menus have distinct names. */
  readonly what: string;
  readonly items: readonly ExportItem[];
}

/** The menu (see the module comment). */
export function ExportMenu({ what, items }: ExportMenuProps) {
  const m = useMessages().exportFiles;
  const menu = useDisclosure();
  const [status, setStatus] = useState<
    { kind: 'busy' } | { kind: 'failed'; reason: string } | null
  >(null);

  const choose = async (item: ExportItem) => {
    menu.close();
    setStatus({ kind: 'busy' });
    try {
      // Let the status paint first: a long text's SVG takes seconds to build.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await item.run();
      setStatus(null);
    } catch (error) {
      setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="export-menu">
      <details {...menu.props}>
        <summary className="export-menu-button">
          {m.menu}
          <span className="visually-hidden"> {what}</span>
        </summary>
        <ul className="export-menu-list">
          {items.map((item) => (
            <li key={item.id}>
              <button type="button" data-export={item.id} onClick={() => void choose(item)}>
                {item.label}
              </button>
            </li>
          ))}
        </ul>
      </details>
      <span className="export-menu-status" role="status">
        {status?.kind === 'busy'
          ? m.busy
          : status?.kind === 'failed'
            ? m.failed(status.reason)
            : ''}
      </span>
    </div>
  );
}
