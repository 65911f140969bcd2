import type { Agent } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { FormField } from '../../../components/ui/form-field';
import { CheckboxField, Input, Select } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useSession } from '../../../hooks/use-me';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { showToast } from '../../../stores/toast-store';
import { useAgents } from '../api/scheduling';
import { useSaveAgent } from '../api/settings-api';
import { CalendarFeedCard } from './calendar-feed-card';
import { DatesEditor, ExtraDatesEditor, toList, WeeklyEditor } from './range-editors';

const ZONES = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

function AgentEditor({ agent }: { agent: Agent }) {
  const [draft, setDraft] = useState(agent);
  const [labels, setLabels] = useState({
    postalPrefixes: agent.postalPrefixes.join(', '),
    regions: agent.regions.join(', '),
    skills: agent.skills.join(', '),
  });
  const save = useSaveAgent();
  const set = (patch: Partial<Agent>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <form
      className="space-y-5"
      aria-label="Availability"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          {
            id: agent.id,
            version: agent.version,
            body: {
              timeZone: draft.timeZone,
              weeklyHours: draft.weeklyHours,
              breaks: draft.breaks,
              datesOff: draft.datesOff,
              extraDates: draft.extraDates,
              postalPrefixes: toList(labels.postalPrefixes),
              regions: toList(labels.regions),
              skills: toList(labels.skills),
              priority: draft.priority,
              active: draft.active,
            },
          },
          { onSuccess: () => showToast('Availability saved', 'success') },
        );
      }}
    >
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField label="Time zone" hint="Working hours are in this zone.">
          {(c) => (
            <>
              <Input
                {...c}
                list="zones"
                value={draft.timeZone}
                onChange={(e) => set({ timeZone: e.target.value })}
              />
              <datalist id="zones">
                {ZONES.map((z) => (
                  <option key={z} value={z} />
                ))}
              </datalist>
            </>
          )}
        </FormField>
        <FormField label="Priority" hint="Lower goes first (fixed-priority booking).">
          {(c) => (
            <Input
              {...c}
              type="number"
              min={0}
              max={1000}
              value={draft.priority}
              onChange={(e) => set({ priority: Number(e.target.value) })}
            />
          )}
        </FormField>
        <CheckboxField
          className="self-end pb-2"
          label="Takes appointments"
          checked={draft.active}
          onChange={(e) => set({ active: e.target.checked })}
        />
      </div>
      <WeeklyEditor
        label="Working hours"
        value={draft.weeklyHours}
        onChange={(weeklyHours) => set({ weeklyHours })}
      />
      <WeeklyEditor label="Breaks" value={draft.breaks} onChange={(breaks) => set({ breaks })} />
      <div className="grid gap-5 sm:grid-cols-2">
        <DatesEditor value={draft.datesOff} onChange={(datesOff) => set({ datesOff })} />
        <ExtraDatesEditor value={draft.extraDates} onChange={(extraDates) => set({ extraDates })} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        {(['postalPrefixes', 'regions', 'skills'] as const).map((k) => (
          <FormField
            key={k}
            label={k === 'postalPrefixes' ? 'Postal-code prefixes' : k === 'regions' ? 'Regions' : 'Skills'}
            hint="Separated by commas."
          >
            {(c) => (
              <Input
                {...c}
                value={labels[k]}
                onChange={(e) => setLabels((l) => ({ ...l, [k]: e.target.value }))}
              />
            )}
          </FormField>
        ))}
      </div>
      {save.isError && <ErrorAlert error={save.error} title="Not saved" />}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save availability'}
      </Button>
    </form>
  );
}

/** Settings → Availability: pick an agent (or make a member one) and edit when and where they work. */
export function AvailabilityPage({ directory }: { directory: PeopleDirectory }) {
  const me = useSession();
  const agents = useAgents();
  const [picked, setPicked] = useState<string>();
  const [newUser, setNewUser] = useState('');
  const create = useSaveAgent();
  const list = agents.data ?? [];
  const agent = list.find((a) => a.id === picked) ?? list[0];
  const candidates = (directory.people ?? []).filter((p) => !list.some((a) => a.userId === p.userId));
  return (
    <div>
      <PageHeader
        title="Availability"
        headingLevel={2}
        description="Who takes appointments, and when and where they work."
      />
      {agents.isPending ? (
        <Skeleton className="h-40 w-full" />
      ) : agents.isError ? (
        <ErrorAlert
          error={agents.error}
          title="Could not load the agents"
          onRetry={() => void agents.refetch()}
        />
      ) : (
        <div className="space-y-5">
          <div className="flex flex-wrap items-end gap-2">
            {list.length > 0 && (
              <FormField label="Agent">
                {(c) => (
                  <Select
                    {...c}
                    className="w-56"
                    value={agent?.id}
                    onChange={(e) => setPicked(e.target.value)}
                  >
                    {list.map((a) => (
                      <option key={a.id} value={a.id}>
                        {personName(directory, a.userId)}
                        {a.active ? '' : ' (inactive)'}
                      </option>
                    ))}
                  </Select>
                )}
              </FormField>
            )}
            {candidates.length > 0 && (
              <>
                <FormField label="Make a member an agent">
                  {(c) => (
                    <Select
                      {...c}
                      className="w-56"
                      value={newUser}
                      onChange={(e) => setNewUser(e.target.value)}
                    >
                      <option value="">Choose a member…</option>
                      {candidates.map((p) => (
                        <option key={p.userId} value={p.userId}>
                          {p.name}
                        </option>
                      ))}
                    </Select>
                  )}
                </FormField>
                <Button
                  variant="secondary"
                  disabled={!newUser || create.isPending}
                  onClick={() =>
                    create.mutate(
                      {
                        body: {
                          userId: newUser,
                          timeZone: agent?.timeZone ?? browserZone,
                          weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({
                            weekday,
                            start: '09:00',
                            end: '17:00',
                          })),
                        },
                      },
                      {
                        onSuccess: (a) => {
                          setPicked(a.id);
                          setNewUser('');
                        },
                      },
                    )
                  }
                >
                  Add agent
                </Button>
              </>
            )}
          </div>
          {create.isError && <ErrorAlert error={create.error} title="Not added" />}
          {agent ? (
            <>
              <AgentEditor key={`${agent.id}-${agent.version}`} agent={agent} />
              <CalendarFeedCard
                key={agent.id}
                agentId={agent.id}
                whose={agent.userId === me.user.id ? 'your' : `${personName(directory, agent.userId)}’s`}
              />
            </>
          ) : (
            <EmptyState
              title="No agents yet"
              description="Make a member an agent to give them working hours."
            />
          )}
        </div>
      )}
    </div>
  );
}
