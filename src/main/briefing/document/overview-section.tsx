import { countsLabel } from '../../../shared/format'
import type { BriefingData, BriefingRound } from '../collect-briefing'
import { longDate, Refs, Unknown, ValueOrUnknown } from './parts'

function RoundFacts({ round, wholeRounds }: { round: BriefingRound; wholeRounds: boolean }) {
  return (
    <dl className="facts">
      <dt>List</dt>
      <dd>{round.list}</dd>
      <dt>Citation</dt>
      <dd>{round.citations.length > 0 ? round.citations.join('; ') : <Unknown />}</dd>
      <dt>Announced</dt>
      <dd>
        <ValueOrUnknown value={longDate(round.announced)} />
      </dd>
      <dt>Published</dt>
      <dd>
        <ValueOrUnknown value={longDate(round.published)} />
      </dd>
      <dt>Effective</dt>
      <dd>
        <ValueOrUnknown value={longDate(round.effective)} />
      </dd>
      <dt>Basis</dt>
      <dd>
        <ValueOrUnknown value={round.basis} />
      </dd>
      <dt>Entities</dt>
      <dd>
        {countsLabel(round.declaredCount, round.recordedCount)}
        {wholeRounds ? null : ` · ${round.entitiesInScope} in this briefing`}
      </dd>
    </dl>
  )
}

/** One block per round: what the rule is, when it took effect, why, and how many entities it added. */
export function OverviewSection({ data, showRefs }: { data: BriefingData; showRefs: boolean }) {
  const wholeRounds = data.settings.scope.kind === 'rounds'
  return (
    <section aria-labelledby="section-overview">
      <h2 id="section-overview">Overview of the rounds</h2>
      {data.rounds.length === 0 ? (
        <p>
          <Unknown what="No round is recorded for the entities in this briefing." />
        </p>
      ) : (
        data.rounds.map((round) => (
          <div className="round" key={round.id}>
            <h3>
              {round.title ?? `${round.citations[0] ?? round.list} (title not recorded)`}
              {showRefs ? <Refs numbers={round.sourceNumbers} /> : null}
            </h3>
            <RoundFacts round={round} wholeRounds={wholeRounds} />
          </div>
        ))
      )}
    </section>
  )
}
