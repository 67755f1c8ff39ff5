// A worktable's captures on the facilitator's phone: sent ones, ones still waiting on the device, and the
// facilitator's own captures can be corrected or withdrawn while the forum is open.
import { useState } from "react";
import { CAPTURE_TEXT_MAX, normalizeTags } from "../../domain/forum";
import { useT } from "../../i18n/react";
import { SectorOptions, type CaptureDraft } from "./CaptureForm";
import { useFormatTime } from "./format";

export interface CaptureListItem {
  id: string;
  text: string;
  themeId: string | null;
  speakerSector: string | null;
  tags: string[];
  createdAt: string;
  capturedBy: string | null;
  capturedByName: string | null;
  summaryId: string | null;
  /** `pending`: still on this device; `changing`: a correction or withdrawal is waiting to be sent. */
  state: "sent" | "pending" | "changing";
}

interface Props {
  items: CaptureListItem[];
  themes: Array<{ id: string; name: string }>;
  meId: string;
  canChange: boolean;
  fresh: string | null;
  onEdit: (id: string, draft: CaptureDraft) => void;
  onWithdraw: (id: string) => void;
}

export function CaptureList({ items, themes, meId, canChange, fresh, onEdit, onWithdraw }: Props) {
  const t = useT();
  const time = useFormatTime();
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const themeName = (id: string | null) => themes.find((th) => th.id === id)?.name ?? t("board.no_theme");

  if (items.length === 0) return <p className="empty">{t("capture.list_empty")}</p>;
  return (
    <ol className="capture-list" data-testid="capture-list">
      {items.map((c) => {
        const mine = c.capturedBy === meId;
        const changeable = canChange && mine && c.state === "sent" && !c.summaryId;
        return (
          <li key={c.id} className={`capture-item state-${c.state}${fresh === c.id ? " fresh" : ""}`} data-capture-id={c.id} data-state={c.state}>
            {editing === c.id ? (
              <form
                className="stack"
                onSubmit={(e) => {
                  e.preventDefault();
                  const data = new FormData(e.currentTarget);
                  const text = String(data.get("text") ?? "").trim();
                  if (!text || text.length > CAPTURE_TEXT_MAX) return;
                  onEdit(c.id, {
                    text,
                    themeId: String(data.get("themeId")),
                    speakerSector: String(data.get("speakerSector") || "") || null,
                    tags: normalizeTags(String(data.get("tags") ?? "")),
                  });
                  setEditing(null);
                }}
              >
                <label htmlFor={`edit-${c.id}`}>{t("capture.text")}</label>
                <textarea id={`edit-${c.id}`} name="text" defaultValue={c.text} rows={4} maxLength={CAPTURE_TEXT_MAX} required />
                <div className="row">
                  <select name="themeId" defaultValue={c.themeId ?? ""} aria-label={t("capture.theme")}>
                    {themes.map((th) => (
                      <option key={th.id} value={th.id}>
                        {th.name}
                      </option>
                    ))}
                  </select>
                  <select name="speakerSector" defaultValue={c.speakerSector ?? ""} aria-label={t("capture.sector")}>
                    <SectorOptions />
                  </select>
                </div>
                <input name="tags" defaultValue={c.tags.join(", ")} aria-label={t("capture.tags")} />
                <div className="row">
                  <button type="submit" className="primary">
                    {t("capture.save")}
                  </button>
                  <button type="button" className="link" onClick={() => setEditing(null)}>
                    {t("common.cancel")}
                  </button>
                </div>
              </form>
            ) : (
              <>
                <p className="capture-text">{c.text}</p>
                <p className="capture-info">
                  <span className={`pill pill-${c.state}`}>{c.state === "sent" ? t("capture.sent") : t("capture.pending")}</span> {time(c.createdAt)} ·{" "}
                  {themeName(c.themeId)}
                  {c.speakerSector ? <> · {t(`sector.${c.speakerSector}` as "sector.citizen")}</> : null}
                  {c.tags.map((tag) => (
                    <span key={tag} className="tag">
                      #{tag}
                    </span>
                  ))}{" "}
                  · {mine ? t("capture.mine") : t("capture.by", { name: c.capturedByName ?? "—" })}
                  {c.summaryId ? (
                    <>
                      {" "}
                      · <span className="pill">{t("capture.summarized")}</span>
                    </>
                  ) : null}
                </p>
                {changeable ? (
                  <div className="row capture-actions">
                    <button type="button" className="link" onClick={() => setEditing(c.id)}>
                      {t("capture.edit")}
                    </button>
                    {confirming === c.id ? (
                      <>
                        <span>{t("capture.withdraw_confirm")}</span>
                        <button
                          type="button"
                          className="danger"
                          onClick={() => {
                            onWithdraw(c.id);
                            setConfirming(null);
                          }}
                        >
                          {t("capture.withdraw")}
                        </button>
                        <button type="button" className="link" onClick={() => setConfirming(null)}>
                          {t("common.cancel")}
                        </button>
                      </>
                    ) : (
                      <button type="button" className="link" onClick={() => setConfirming(c.id)}>
                        {t("capture.withdraw")}
                      </button>
                    )}
                  </div>
                ) : null}
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
