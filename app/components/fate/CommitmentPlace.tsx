// Where an adopted proposal stands, in words: "Compromiso 3 del plan" with links to its place in the plan and in the
// follow-up, or "adopted by the technical roundtable, awaiting the plan". Shared by the proposal's sheet (its
// lineage) and by every fate (receipt, forum capture, summary sheet). Plain links: works without JavaScript.
import { Link } from "@remix-run/react";
import type { CommitmentPlace } from "../../domain/fate";
import { useT } from "../../i18n/react";

export const planHref = (slug: string, number: string) => `/c/${slug}/plan#compromiso-${number}`;
export const followupHref = (slug: string, proposalId: string) => `/c/${slug}/plan/seguimiento#c-${proposalId}`;

/** The links to the commitment in the plan and to its follow-up (only for a commitment of the published plan). */
export function CommitmentLinks({ place, slug, proposalId }: { place: CommitmentPlace; slug: string; proposalId: string }) {
  const t = useT();
  if (place.in !== "plan") return null;
  return (
    <span className="commitment-links" data-testid="commitment-links">
      <Link to={planHref(slug, place.number)} data-testid="commitment-plan-link">
        {t("fate.plan_link", { number: place.number })}
      </Link>
      {" · "}
      <Link to={followupHref(slug, proposalId)} data-testid="commitment-followup-link">
        {t("fate.followup_link")}
      </Link>
    </span>
  );
}

/** The proposal's own place, as one sentence followed by its links. */
export function CommitmentPlaceText({ place, slug, proposalId }: { place: CommitmentPlace; slug: string; proposalId: string }) {
  const t = useT();
  return (
    <>
      <strong data-testid="commitment-place">{place.in === "plan" ? t("fate.place.plan", { number: place.number }) : t(`fate.place.${place.in}`)}</strong>{" "}
      <CommitmentLinks place={place} slug={slug} proposalId={proposalId} />
    </>
  );
}
