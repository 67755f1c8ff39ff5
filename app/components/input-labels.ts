// Citizen inputs' channel and subject as people read them ("Foro", "En línea", "La metodología"), never the stored code.
import { isMessageKey, type Translate } from "../i18n";

export function channelLabel(t: Translate, channel: string): string {
  const key = `input.channel.${channel}`;
  return isMessageKey(key) ? t(key) : channel;
}

/** What an input without a theme is about: one of the Open Government axes, or the methodology. */
export function subjectLabel(t: Translate, subject: string, axis: string | null): string {
  const key = subject === "axis" ? `intake.axis.${axis ?? ""}` : `intake.subject.${subject}`;
  return isMessageKey(key) ? t(key) : subject === "axis" ? (axis ?? "") : subject;
}
