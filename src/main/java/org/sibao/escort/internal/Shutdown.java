package org.sibao.escort.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.sibao.escort.ShutdownSummary;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A shutdown (停产/限产) request on a whitelist subject. {@code endsAt} is on the business clock; {@code endCause}
 * is EXPIRED or LIFTED once ENDED; {@code incidentId} names the epidemic incident it was filed from, if any.
 * <p>
 * Joint decision (会商): {@code consents} holds each side's word, round by round ({@code consentRound} is the latest:
 * 0 the request, n the n-th renewal proposal); {@code deciders} names the regions deciding for each side (filled on
 * reads). {@code decidedBy}, {@code decidedAt} and {@code decisionComment} are the last decision that took effect
 * (the second consent, a refusal, an agreed renewal).
 */
record Shutdown(String id, String enterpriseId, String enterpriseName, String regionCode, String sector,
        String reason, int days, ShutdownStatus status, String requestedBy, OffsetDateTime requestedAt,
        String decidedBy, OffsetDateTime decidedAt, String decisionComment, OffsetDateTime startedAt,
        OffsetDateTime endsAt, OffsetDateTime endedAt, String endCause, int renewals, int version, String incidentId,
        @JsonIgnore int consentRound, List<Consent> consents, Deciders deciders) {

    Shutdown {
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    ShutdownSummary summary() {
        return new ShutdownSummary(id, enterpriseId, incidentId, reason, days, status.name(), requestedAt, decidedAt,
                decisionComment, endsAt, endCause, awaiting().stream().map(Enum::name).toList());
    }

    Shutdown withConsents(List<Consent> all) {
        return new Shutdown(id, enterpriseId, enterpriseName, regionCode, sector, reason, days, status, requestedBy,
                requestedAt, decidedBy, decidedAt, decisionComment, startedAt, endsAt, endedAt, endCause, renewals,
                version, incidentId, consentRound, all, deciders);
    }

    Shutdown withDeciders(Deciders d) {
        return new Shutdown(id, enterpriseId, enterpriseName, regionCode, sector, reason, days, status, requestedBy,
                requestedAt, decidedBy, decidedAt, decisionComment, startedAt, endsAt, endedAt, endCause, renewals,
                version, incidentId, consentRound, consents, d);
    }

    /** A new version of the same state (a consent or a proposal recorded, nothing else changed). */
    Shutdown touched(int round) {
        return new Shutdown(id, enterpriseId, enterpriseName, regionCode, sector, reason, days, status, requestedBy,
                requestedAt, decidedBy, decidedAt, decisionComment, startedAt, endsAt, endedAt, endCause, renewals,
                version + 1, incidentId, round, consents, deciders);
    }

    /** A side's word on a round, or null. */
    Consent consent(int round, ShutdownSide side) {
        return consents.stream().filter(c -> c.round() == round && c.side() == side).findFirst().orElse(null);
    }

    /** The economic dispatch HQ office's consent to the request (null until given). */
    @JsonProperty("hqConsent")
    public Consent hqConsent() {
        return agreed(0, ShutdownSide.HQ);
    }

    /** The epidemic prevention command's consent to the request (null until given). */
    @JsonProperty("epidemicConsent")
    public Consent epidemicConsent() {
        return agreed(0, ShutdownSide.EPIDEMIC);
    }

    /** The renewal one side proposed and the other has not yet answered, while the shutdown is in force; or null. */
    @JsonProperty("pendingRenewal")
    public Consent pendingRenewal() {
        if (status != ShutdownStatus.ACTIVE || consentRound == 0) {
            return null;
        }
        List<Consent> round = consents.stream().filter(c -> c.round() == consentRound).toList();
        return round.size() == 1 && round.get(0).agreed() ? round.get(0) : null;
    }

    /** The sides whose word is still awaited: on a pending request, those not yet agreed; on a proposal, the other. */
    @JsonProperty("awaiting")
    public List<ShutdownSide> awaiting() {
        List<ShutdownSide> out = new ArrayList<>();
        if (status == ShutdownStatus.PENDING) {
            for (ShutdownSide side : ShutdownSide.values()) {
                if (agreed(0, side) == null) {
                    out.add(side);
                }
            }
        } else if (pendingRenewal() != null) {
            out.add(pendingRenewal().side().other());
        }
        return out;
    }

    /** The economic dispatch HQ office's word on the request, agreeing or refusing (the page's 会商 column). */
    public Consent hqWord() {
        return consent(0, ShutdownSide.HQ);
    }

    /** The epidemic prevention command's word on the request, agreeing or refusing. */
    public Consent epidemicWord() {
        return consent(0, ShutdownSide.EPIDEMIC);
    }

    /** The words on decided renewal proposals (round 1 on; not the one still open), in order. */
    public List<Consent> renewalWords() {
        Consent open = pendingRenewal();
        return consents.stream().filter(c -> c.round() > 0 && (open == null || c.round() != open.round())).toList();
    }

    private Consent agreed(int round, ShutdownSide side) {
        Consent c = consent(round, side);
        return c != null && c.agreed() ? c : null;
    }
}
