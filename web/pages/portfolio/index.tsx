import { Show, createMemo, createResource, createSignal } from 'solid-js'
import { PageTitle } from '../../components/ui/page-title'
import { useOrg } from '../../components/layout/org-context'
import { SelectField } from '../../components/ui/fields'
import { Status } from '../../components/ui/status'
import { BudgetControl, BUDGET_STEP } from '../../components/portfolio/budget-control'
import { Ranking } from '../../components/portfolio/ranking'
import { PortfolioSummary } from '../../components/portfolio/portfolio-summary'
import { Scatter } from '../../components/portfolio/scatter'
import { CompetencePlan, UncoveredGaps } from '../../components/portfolio/gaps-and-plan'
import { listInitiatives } from '../../data/initiatives'
import { instrumentFactors } from '../../data/instruments'
import { competencePlanCsvHref, getCompetencePlan, getRecommendations, getRoundType, listClosedRounds } from '../../data/portfolio'
import { asProblem } from '../../lib/api'
import { formatTime } from '../../lib/format'
import { t as common } from '../../i18n/common'
import { money, num, t } from '../../i18n/portfolio'
import '../../styles/portfolio.css'
import { enumLabel, INITIATIVE_STATUS } from '../../i18n/enums'

const ACTIVE = new Set(['idea', 'planned', 'ongoing'])
const NO_TYPE_BAND = { min: 0, max: 1 }

export default function PortfolioPage() {
  const { slug, org } = useOrg()
  const [rounds] = createResource(() => listClosedRounds(slug))
  const [initiatives] = createResource(() => listInitiatives(slug))
  const [factorList] = createResource(() => instrumentFactors())
  const [chosenRound, setChosenRound] = createSignal<string>()
  const roundId = () => chosenRound() ?? rounds.latest?.[0]?.id

  const byId = createMemo(() => new Map((initiatives.latest ?? []).map((i) => [i.id, i])))
  const factors = createMemo(() => new Map((factorList.latest ?? []).map((f) => [f.id, f])))
  /** What all active costed initiatives cost together: the slider's range and a default budget. */
  const totalCost = createMemo(() => (initiatives.latest ?? []).filter((i) => ACTIVE.has(i.status) && i.pin !== 'out').reduce((s, i) => s + (i.cost ?? 0), 0))
  const [budget, setBudget] = createSignal<number>()
  const effectiveBudget = () => budget() ?? Math.floor(totalCost() / 2 / BUDGET_STEP) * BUDGET_STEP
  const sliderMax = () => Math.max(BUDGET_STEP * 100, Math.ceil(totalCost() / BUDGET_STEP) * BUDGET_STEP)

  const [type] = createResource(roundId, (id) => getRoundType(slug, id).catch(() => null))
  const [recs] = createResource(
    () => (roundId() && initiatives.latest ? { id: roundId()!, budget: effectiveBudget() } : undefined),
    (q) => getRecommendations(slug, q.id, q.budget),
  )
  const [plan] = createResource(roundId, (id) => getCompetencePlan(slug, id))
  const band = () => {
    const ty = type.latest
    return ty ? (org().innovationBands as Record<string, { min: number; max: number }>)[ty] ?? NO_TYPE_BAND : NO_TYPE_BAND
  }
  const summary = () => {
    const p = recs.latest?.portfolio
    if (!p) return ''
    return t(p.initiativeIds.length === 1 ? 'summaryOne' : 'summary', { budget: money(effectiveBudget()), count: p.initiativeIds.length, cost: money(p.totalCost), score: num(p.totalScore) })
  }
  const roundOptions = () => (rounds.latest ?? []).map((r) => ({ value: r.id, label: `${r.name} (${formatTime(r.closedAt)})` }))

  return (
    <div class="stack portfolio">
      <PageTitle text={t('title')}>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <Show when={!rounds.loading || rounds.latest} fallback={<p class="loading">{common('loading')}</p>}>
        <Show when={roundOptions().length} fallback={<p class="notice">{rounds.error ? asProblem(rounds.error).detail : t('noRounds')}</p>}>
          <div class="card portfolio-controls">
            <SelectField name="round" label={t('round')} options={roundOptions()} value={roundId()} onChange={(v) => setChosenRound(v)} required />
            <BudgetControl value={effectiveBudget()} max={sliderMax()} onSettle={setBudget} />
            <Status text={summary()} />
          </div>
          <Show when={!recs.error} fallback={<p class="notice error">{asProblem(recs.error).detail}</p>}>
            <Show when={recs.latest}>
              {(r) => (
                <>
                  <Show when={(initiatives.latest ?? []).length === 0}>
                    <p class="notice">
                      {t('noInitiatives')} <a href={`/o/${encodeURIComponent(slug)}/initiatives/new`}>{t('addInitiatives')}</a>
                    </p>
                  </Show>
                  <Show when={r().portfolio}>
                    {(p) => (
                      <section class="card" aria-labelledby="chosen-title" aria-busy={recs.loading}>
                        <h2 id="chosen-title">{t('chosen')}</h2>
                        <PortfolioSummary portfolio={p()} initiatives={byId()} type={type.latest ?? null} band={band()} />
                      </section>
                    )}
                  </Show>
                  <section class="card" aria-labelledby="scatter-title">
                    <h2 id="scatter-title">{t('scatter')}</h2>
                    <Scatter ranking={r().ranking} initiatives={byId()} chosen={new Set(r().portfolio?.initiativeIds ?? [])} />
                  </section>
                  <section aria-labelledby="ranking-title">
                    <h2 id="ranking-title">{t('ranking')}</h2>
                    <Ranking ranking={r().ranking} initiatives={byId()} factors={factors()} portfolio={r().portfolio} />
                  </section>
                  <Show when={r().excluded.length}>
                    <section class="card" aria-labelledby="excluded-title">
                      <h2 id="excluded-title">{t('excluded')}</h2>
                      <p>{t('excludedIntro')}</p>
                      <ul>
                        {r().excluded.map((e) => (
                          <li>
                            {byId().get(e.initiativeId)?.title ?? e.initiativeId}: {enumLabel(INITIATIVE_STATUS, e.reason)}
                          </li>
                        ))}
                      </ul>
                    </section>
                  </Show>
                  <section class="card" aria-labelledby="uncovered-title">
                    <h2 id="uncovered-title">{t('uncovered')}</h2>
                    <p>{t('uncoveredIntro')}</p>
                    <UncoveredGaps gaps={r().uncoveredGaps} factors={factors()} />
                  </section>
                </>
              )}
            </Show>
          </Show>
          <Show when={plan.latest}>
            {(p) => (
              <section class="card" aria-labelledby="plan-title">
                <h2 id="plan-title">{t('plan')}</h2>
                <p>{t('planIntro')}</p>
                <CompetencePlan plan={p()} csvHref={competencePlanCsvHref(slug, roundId()!)} />
              </section>
            )}
          </Show>
        </Show>
      </Show>
    </div>
  )
}
