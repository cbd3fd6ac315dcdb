/**
 * The wire types of the REST contract (CONTRACT.md). Every data source, REST, in-memory or the
 * host's own, answers with these shapes; the elements validate them at run time before rendering.
 */

/** Where an agent is connected. Known types have labels; any other string is shown by name. */
export type EntityType = 'response-group' | 'phone-number' | 'chat-channel' | 'web-chat' | (string & {});

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
}

export interface VoiceAgent {
  id: string;
  name: string;
  active: boolean;
  entity: Entity;
  /** ISO 8601 with offset. */
  activatedAt: string;
  callsEngagedThisMonth: number;
  callsHandledSinceActivation: number;
  billableMinutesThisMonth: number;
  billableMinutesSinceActivation: number;
  nonBillableCallsThisMonth: number;
  nonBillableCallsSinceActivation: number;
}

export interface VoiceAgentsResponse {
  /** `YYYY-MM` in the organization's time zone. */
  month: string;
  /** IANA time zone of the organization, e.g. `Europe/Stockholm`. */
  timeZone: string;
  /** Optional: when these figures were computed (ISO 8601 with offset). */
  asOf?: string;
  agents: VoiceAgent[];
}

export type TrialStatus = 'available' | 'active' | 'expired' | 'unavailable';

export interface PricingPlan {
  id: string;
  name: string;
  /** ISO 4217 code. */
  currency: string;
  pricePerMinute: number;
  includedMinutes: number;
}

export interface VoicePlan {
  /** `days` (optional, an extension of the contract): how long a trial lasts once activated. */
  trial: { status: TrialStatus; endsAt?: string; days?: number };
  currentPlanId: string | null;
  plans: PricingPlan[];
}

export interface VoiceHistoryMonth {
  month: string;
  callsEngaged: number;
  billableMinutes: number;
  nonBillableCalls: number;
}

export interface VoiceHistoryResponse {
  months: VoiceHistoryMonth[];
}

export type CallTakerKind = 'ai-agent' | 'user' | (string & {});

export interface VoiceCall {
  id: string;
  startedAt: string;
  durationSeconds: number;
  agentId: string;
  agentName: string;
  takenBy: { kind: CallTakerKind; name: string };
  billable: boolean;
}

export interface VoiceCallsPage {
  total: number;
  items: VoiceCall[];
}

export type LicenseType = 'unlimited' | 'trial' | (string & {});

export interface MessagingAgent {
  id: string;
  name: string;
  entity: Entity;
  license: { type: LicenseType; endsAt?: string };
  engagement: { newCasesPercentWhenOpen: number; handlesWhenClosed: boolean };
  priceCredits: number;
  engagedCases: number;
}

export interface MessagingAgentsResponse {
  /** Optional (an extension of the contract): when these figures were computed. */
  asOf?: string;
  /** Optional (an extension of the contract): the organization's IANA time zone. */
  timeZone?: string;
  agents: MessagingAgent[];
}

export type SortDirection = 'asc' | 'desc';

/** Fields the calls list can be sorted by on the server. */
export type VoiceCallSortKey = 'startedAt' | 'durationSeconds' | 'agentName' | 'takenBy' | 'billable';
