import { Match, Show, Switch, createMemo, createResource } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { QuadrantChart } from '../../components/charts/quadrant'
import { RadarChart } from '../../components/charts/radar'
import { FactorBars } from '../../components/charts/factor-bars'
import { Section } from '../../components/results/section'
import { TypeCard } from '../../components/results/type-card'
import { Strengths } from '../../components/results/strengths'
import { DontKnow } from '../../components/results/dont-know'
import { Breakdown } from '../../components/results/breakdown'
import { TrendsSection } from '../../components/results/trends-section'
import { BenchmarkSection } from '../../components/results/benchmark-section'
import { ExportBar } from '../../components/results/export-bar'
import { getBenchmark, getResults, getTrends, isShownPeers, maybe, resultsCsvHref } from '../../data/results'
import { getParticipation, getRound } from '../../data/rounds'
import { getUnitNames } from '../../data/units'
import { formatDate, formatNumber } from '../../lib/format'
import { asProblem } from '../../lib/api'
import { t as common } from '../../i18n/common'
import { t } from '../../i18n/results'
import { enumLabel, RESPONDENT_ROLE_GROUP } from '../../i18n/enums'
import type { RespondentRole } from '../../../schema/enums'
import type { PageProps } from '../../routes'
import { useNames } from './labels'
import '../../styles/results.css'
import '../../styles/print.css'

const SECTIONS = ['type', 'categories', 'factors', 'strengths', 'dontknow', 'breakdown', 'trends', 'benchmark'] as const

/** The results dashboard of one closed round: every chart with its table, exports and a printable report. */
export default function ResultsPage(props: PageProps) {
  const { slug, org } = useOrg()
  const id = () => props.params.id
  const [round] = createResource(id, (rid) => getRound(slug, rid))
  const [results] = createResource(id, (rid) => getResults(slug, rid))
  const [benchmark] = createResource(id, (rid) => getBenchmark(slug, rid))
  const [participation] = createResource(id, (rid) => maybe(getParticipation(slug, rid)))
  const [trends] = createResource(() => getTrends(slug))
  const [unitNames] = createResource(() => getUnitNames(slug))
  const data = () => (results.latest?.ok ? results.latest.data : undefined)
  const { names, label } = useNames(() => data()?.instrumentVersion)
  // The round's own k (never below the one in force when it opened), as participation reports it.
  const k = () => (participation.latest?.ok ? participation.latest.data.k : org().anonymityThreshold)
  const peerMedian = createMemo(() => {
    const b = benchmark.latest
    const all = b?.ok ? b.data.groups.find((g) => g.group === 'all') : undefined
    return all && isShownPeers(all) ? new Map(all.scores.map((s) => [s.id, s.median])) : undefined
  })
  const dim = (d: string) => data()?.dimensions.find((s) => s.id === d) ?? { id: d, percent: null, ci: null, n: 0 }
  const sectionTitle: Record<(typeof SECTIONS)[number], () => string> = {
    type: () => t('quadrantTitle'),
    categories: () => t('radarTitle'),
    factors: () => t('factorsTitle'),
    strengths: () => t('swTitle'),
    dontknow: () => t('dkTitle'),
    breakdown: () => t('bdTitle'),
    trends: () => t('trendsTitle'),
    benchmark: () => t('bmTitle'),
  }
  const title = () => (round.latest ? t('titleRound', { name: round.latest.name }) : t('title'))

  const xlsx = async () => {
    const { downloadXlsx } = await import('../../lib/xlsx-export')
    const p = participation.latest
    const units = unitNames.latest ?? new Map<string, string>()
    await downloadXlsx({
      results: data()!,
      participation: p?.ok ? p.data : undefined,
      name: label,
      roleName: (r) => enumLabel(RESPONDENT_ROLE_GROUP, r as RespondentRole),
      unitName: (u) => (u === null ? t('unassigned') : (units.get(u) ?? u)),
      filename: `${slug}-${(round.latest?.name ?? id()).replace(/[^\p{L}\p{N}-]+/gu, '-')}.xlsx`,
    })
  }

  return (
    <div class="stack results-page">
      <PageTitle text={title()}>{title()}</PageTitle>
      <Show when={round.latest && data()}>
        <p class="muted">
          {t('meta', {
            n: formatNumber(data()!.n),
            date: formatDate(round.latest!.closedAt),
            form: round.latest!.form === 'full' ? t('formFull') : t('formShort'),
            version: data()!.instrumentVersion,
          })}
        </p>
      </Show>
      <Switch fallback={<p class="loading">{common('loading')}</p>}>
        <Match when={results.error || round.error}>
          <p class="notice error">{asProblem(results.error ?? round.error).detail || t('loadFailed')}</p>
        </Match>
        <Match when={results.latest && !results.latest.ok && results.latest.problem}>
          {(p) => (
            <p class="notice">
              {p().reason === 'not_closed' ? t('notClosed') : p().reason === 'below_threshold' ? t('belowThreshold', { k: k() }) : p().detail || t('loadFailed')}
            </p>
          )}
        </Match>
        <Match when={data() && names()}>
          <ExportBar csvHref={resultsCsvHref(slug, id())} xlsx={xlsx} />
          <nav class="toc no-print" aria-label={t('contents')}>
            <ul>
              {SECTIONS.map((s) => (
                <li>
                  <a href={`#sec-${s}`}>{sectionTitle[s]()}</a>
                </li>
              ))}
            </ul>
          </nav>
          <Section id="sec-type" title={t('quadrantTitle')}>
            <p>{t('quadrantIntro')}</p>
            <div class="quadrant-layout">
              <QuadrantChart capability={dim('DF')} legacy={dim('DA')} type={data()!.type} label={label} />
              <TypeCard type={data()!.type} borderline={data()!.borderline} />
            </div>
          </Section>
          <Section id="sec-categories" title={t('radarTitle')}>
            <p>{t('radarIntro')}</p>
            <Show when={!peerMedian()}>
              <p class="muted">{t('radarNoPeers')}</p>
            </Show>
            <RadarChart categories={data()!.categories} peer={peerMedian()} label={label} />
          </Section>
          <Section id="sec-factors" title={t('factorsTitle')}>
            <p>{t('factorsIntro')}</p>
            <FactorBars factors={data()!.factors} k={k()} label={label} />
          </Section>
          <Section id="sec-strengths" title={t('swTitle')}>
            <Strengths results={data()!} label={label} />
          </Section>
          <Section id="sec-dontknow" title={t('dkTitle')}>
            <DontKnow results={data()!} label={label} />
          </Section>
          <Section id="sec-breakdown" title={t('bdTitle')}>
            <Breakdown
              slug={slug}
              id={id()}
              k={k()}
              names={names()!}
              label={label}
              participation={participation.latest?.ok ? participation.latest.data : undefined}
              unitNames={unitNames.latest ?? new Map()}
            />
          </Section>
          <Section id="sec-trends" title={t('trendsTitle')}>
            <TrendsSection trends={trends.latest} names={names()!} label={label} />
            <p class="no-print">
              <a href={`/o/${encodeURIComponent(slug)}/trends`}>{t('toTrends')}</a>
            </p>
          </Section>
          <Section id="sec-benchmark" title={t('bmTitle')}>
            <BenchmarkSection slug={slug} benchmark={benchmark.latest} factors={data()!.factors} label={label} />
          </Section>
        </Match>
      </Switch>
    </div>
  )
}
