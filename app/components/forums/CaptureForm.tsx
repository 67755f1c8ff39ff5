// The facilitator's one-hand form: a large text box, the table's theme preselected, optional speaker sector
// and tags, one button. With JavaScript the capture goes to the outbox (works offline); without it, the form
// posts to the page's action.
import { useRef, useState, type FormEvent } from "react";
import { PARTICIPANT_SECTORS } from "../../domain/guatemala";
import { CAPTURE_TEXT_MAX, normalizeTags } from "../../domain/forum";
import { useT } from "../../i18n/react";
import { FormBasics } from "../forms";

export interface CaptureDraft {
  text: string;
  themeId: string;
  speakerSector: string | null;
  tags: string[];
}

interface Props {
  themes: Array<{ id: string; name: string }>;
  tableThemeId: string;
  disabled: boolean;
  onCapture: (draft: CaptureDraft) => void;
}

export function SectorOptions() {
  const t = useT();
  return (
    <>
      <option value="">{t("capture.sector_none")}</option>
      {PARTICIPANT_SECTORS.map((s) => (
        <option key={s} value={s}>
          {t(`sector.${s}`)}
        </option>
      ))}
    </>
  );
}

export function CaptureForm({ themes, tableThemeId, disabled, onCapture }: Props) {
  const t = useT();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const textBox = useRef<HTMLTextAreaElement>(null);
  const form = useRef<HTMLFormElement>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const trimmed = text.trim();
    if (!trimmed) return setError(t("capture.empty"));
    if (trimmed.length > CAPTURE_TEXT_MAX) return setError(t("capture.too_long", { max: CAPTURE_TEXT_MAX }));
    onCapture({
      text: trimmed,
      themeId: String(data.get("themeId") || tableThemeId),
      speakerSector: String(data.get("speakerSector") || "") || null,
      tags: normalizeTags(String(data.get("tags") ?? "")),
    });
    setText("");
    setError(null);
    setSaved(true);
    form.current?.reset();
    textBox.current?.focus();
  };

  const over = text.trim().length > CAPTURE_TEXT_MAX;
  return (
    <form method="post" className="capture-form" onSubmit={submit} ref={form} aria-describedby={error ? "capture-error" : undefined}>
      <FormBasics intent="capture" />
      <label htmlFor="capture-text" className="capture-label">
        {t("capture.text")}
      </label>
      <textarea
        id="capture-text"
        name="text"
        ref={textBox}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
        placeholder={t("capture.text_placeholder")}
        rows={5}
        required
        disabled={disabled}
        aria-invalid={error || over ? true : undefined}
      />
      <div className="capture-meta">
        <small className={over ? "field-error" : "muted"} aria-live="polite">
          {t("capture.chars", { count: text.trim().length, max: CAPTURE_TEXT_MAX })}
        </small>
        {saved ? (
          <small className="form-ok" role="status">
            {t("capture.saved_local")}
          </small>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" id="capture-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="capture-options">
        <div className="field">
          <label htmlFor="capture-theme">{t("capture.theme")}</label>
          <select id="capture-theme" name="themeId" defaultValue={tableThemeId} disabled={disabled}>
            {themes.map((th) => (
              <option key={th.id} value={th.id}>
                {th.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="capture-sector">
            {t("capture.sector")} <span className="optional">({t("common.optional")})</span>
          </label>
          <select id="capture-sector" name="speakerSector" defaultValue="" disabled={disabled}>
            <SectorOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor="capture-tags">
            {t("capture.tags")} <span className="optional">({t("common.optional")})</span>
          </label>
          <input id="capture-tags" name="tags" autoComplete="off" disabled={disabled} />
          <small className="hint">{t("capture.tags_hint")}</small>
        </div>
      </div>
      <button type="submit" className="primary capture-submit" disabled={disabled}>
        {t("capture.submit")}
      </button>
    </form>
  );
}
