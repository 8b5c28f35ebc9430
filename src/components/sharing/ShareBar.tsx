/**
 * Sharing a lesson: "Copy link" puts the link to the current view on the clipboard, and
 * "QR code" shows the link as a code large enough to scan from a projector, with the link
 * written under it; "Embed" copies an <iframe> of the compact embed view (`embedSnippet`).
 * Also shows the notice of a partly unreadable link. In the embed view itself the bar is
 * the embed's own (EmbedBar): full screen and a way out to the whole app.
 *
 * The clipboard API exists only on secure pages (https or localhost); a classroom server
 * on plain http gets the older copy command, and if that fails too, the link is shown
 * selected in a field with a hint to press Ctrl+C.
 */
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { EmbedBar } from './EmbedBar';
import { embedSnippet } from './embedSnippet';
import { LinkNotice } from './LinkNotice';
import { QrCode } from './QrCode';
import './ShareBar.css';
import { lessonUrl, selectLesson } from '../../store/link/useLessonLink';
import { carriedText, fittingPrefix } from '../../store/link/linkText';
import { useTrace } from '../../store/useTrace';
import { tokenize } from '../../core/tokenizer';
import { useNumberFormat } from '../common/useNumberFormat';

/** How long "Link copied" stays on screen, in milliseconds. */
const STATUS_MS = 4000;

/** Copies `text` through a temporary selection: the way that still works on plain http. */
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  // Off screen, not display:none: a hidden element cannot hold a selection.
  area.style.position = 'fixed';
  area.style.left = '-9999px';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/** Copies `text`, by the clipboard API where the page may use it. True when it worked. */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, page not focused): try the older way below.
  }
  return copyBySelection(text);
}

/** The share bar, or in the embed view the embed's bar. */
export function ShareBar() {
  const embed = useAppStore((s) => s.embed);
  return embed ? <EmbedBar /> : <SharingBar />;
}

/** What a failed copy shows selected in a field: the link or the embed code. */
type Manual = { readonly what: 'link' | 'embed'; readonly n: number } | null;

/** The embed code of the current view: its link with `embed=1`, in an <iframe>. */
function currentEmbedCode(title: string): string {
  return embedSnippet(lessonUrl({ ...selectLesson(useAppStore.getState()), embed: true }), title);
}

/** The share bar: link notice, "Copy link", "QR code", "Embed". */
function SharingBar() {
  const m = useMessages().share;
  const id = useId();
  const lesson = useAppStore(selectLesson);
  const [qrOpen, setQrOpen] = useState(false);
  // null: the field is hidden; else what the nth copy that failed was, shown and selected.
  const [manual, setManual] = useState<Manual>(null);
  // A new key per announcement: a screen reader repeats "Link copied" on a second copy.
  const [status, setStatus] = useState<{ text: string; key: number } | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // Built only while shown: encoding a long sentence on every keystroke is not free.
  const link = useMemo(
    () => (qrOpen || manual?.what === 'link' ? lessonUrl(lesson) : ''),
    [lesson, qrOpen, manual],
  );
  const embedCode = useMemo(
    () =>
      manual?.what === 'embed'
        ? embedSnippet(lessonUrl({ ...lesson, embed: true }), m.embedFrameTitle)
        : '',
    [lesson, manual, m],
  );

  // Typing with the code open redraws it when React has time, not on every keystroke.
  const qrText = useDeferredValue(link);

  // A text longer than a link can carry: say how much of it the link holds.
  const fmt = useNumberFormat();
  const r = useMessages().reliability;
  const text = useDeferredValue(lesson.text);
  const carriedTokens = useMemo(() => {
    // Most texts fit whole: that is told without tokenizing them.
    if (fittingPrefix(text) === text.length) return null;
    const carried = carriedText(text);
    return carried.cut ? tokenize(carried.text).tokens.length : null;
  }, [text]);
  const totalTokens = useTrace()?.tokens.length ?? null;

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  // On each failed copy only, not on each change of the link: typing elsewhere must keep its focus.
  useEffect(() => {
    if (manual === null) return;
    field.current?.focus();
    field.current?.select();
  }, [manual]);

  const announce = (text: string) => setStatus((s) => ({ text, key: (s?.key ?? 0) + 1 }));

  const copy = async () => {
    // Read at click time: the address bar may be a debounce behind the view.
    const url = lessonUrl(selectLesson(useAppStore.getState()));
    if (await copyText(url)) {
      setManual(null);
      announce(m.copied);
    } else {
      setManual((x) => ({ what: 'link', n: (x?.n ?? 0) + 1 }));
      announce(m.copyManually);
    }
  };

  const copyEmbed = async () => {
    if (await copyText(currentEmbedCode(m.embedFrameTitle))) {
      setManual(null);
      announce(m.embedCopied);
    } else {
      setManual((x) => ({ what: 'embed', n: (x?.n ?? 0) + 1 }));
      announce(m.embedCopyManually);
    }
  };

  return (
    <div className="share-bar">
      <LinkNotice />
      <div className="share-bar__row" role="group" aria-label={m.barLabel}>
        <button type="button" onClick={() => void copy()}>
          {m.copy}
        </button>
        <button
          type="button"
          aria-expanded={qrOpen}
          aria-controls={`${id}-qr`}
          onClick={() => setQrOpen((open) => !open)}
        >
          {m.qr}
        </button>
        <button type="button" title={m.embedDescription} onClick={() => void copyEmbed()}>
          {m.embed}
        </button>
        <p className="share-bar__status" role="status">
          {status && <span key={status.key}>{status.text}</span>}
        </p>
      </div>
      {carriedTokens !== null && totalTokens !== null && (
        <p className="share-bar__note" data-link-cut>
          {r.linkCut(fmt.number(carriedTokens, 0), fmt.number(totalTokens, 0))}
        </p>
      )}
      {manual !== null && (
        <div className="share-bar__manual">
          <label htmlFor={`${id}-link`}>
            {manual.what === 'link' ? m.linkLabel : m.embedCodeLabel}
          </label>
          <input
            ref={field}
            id={`${id}-link`}
            type="text"
            readOnly
            value={manual.what === 'link' ? link : embedCode}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
      <div id={`${id}-qr`} className="share-bar__qr" hidden={!qrOpen}>
        {qrOpen && (
          <>
            {/* Empty for the one render before the deferred link catches up with the opening. */}
            {qrText !== '' && <QrCode text={qrText} />}
            <p className="share-bar__url">{link}</p>
          </>
        )}
      </div>
    </div>
  );
}
