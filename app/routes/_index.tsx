import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listConsultations } from "../lib/queries.server";
import { useT } from "../i18n/react";
import { StageName } from "../components/StageName";
import { LiveBadge } from "../components/LiveBadge";
import { useLiveConsultationList } from "../live/useLive";

export const meta: MetaFunction = () => [{ title: "Cocrea" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { consultations: await listConsultations(context.db) };
}

export default function Home() {
  const t = useT();
  const { consultations } = useLoaderData<typeof loader>();
  const live = useLiveConsultationList();
  return (
    <section>
      <h1>{t("home.title")}</h1>
      <LiveBadge status={live} />
      <p className="lead">{t("app.tagline")}</p>
      {consultations.length === 0 ? (
        <p className="empty">{t("home.empty")}</p>
      ) : (
        <ul className="cards">
          {consultations.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <Link to={`/c/${c.slug}`}>{c.title}</Link>
              </h2>
              <p>{c.description}</p>
              {c.currentStage ? (
                <p>
                  {t("home.current_stage")}:{" "}
                  <strong>
                    <StageName stage={c.currentStage} />
                  </strong>{" "}
                  ({t(`stage_status.${c.currentStage.status}`)})
                </p>
              ) : null}
              <Link to={`/c/${c.slug}`}>{t("home.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
