package org.sibao.policy.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.DataScope;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.Role;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.SibaoProperties;
import org.sibao.policy.MatchOutcome;
import org.sibao.policy.PolicyMode;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectFacts;
import org.sibao.subject.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: policy redemptions (政策兑现). First the seeded library is matched against every subject and the
 * eligible ones pushed ({@link PolicyMatcher#sweep()}, what the scheduled sweep would do a minute later), so that
 * matches exist; then, per script, the next demo subject (USCC order) ELIGIBLE for the policy opens 我的政策 as its
 * enterprise user (its pushes turn VIEWED) and applies, and the policy's department at the area (the HQ office
 * where the demo has no such department user) grants it with an amount or declines it; some stay APPLIED in the
 * departments' queues (税务局 and 人社局 of 南阳). One AUTO policy (新县's 白名单企业优先保障用电) is confirmed by
 * 新县供电公司 for all its eligible subjects (免申即享). A script whose policy no subject is eligible for is left
 * out. Deterministic and idempotent (skipped when any redemption went past its push). Runs after the library is
 * loaded ({@link PolicySeed}, 60).
 */
@Component
@Order(65)
class PolicyDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicyDemoData.class);

    enum Step { VIEW, APPLY, GRANT, DECLINE, CONFIRM }

    /**
     * One redemption (or, for CONFIRM, one AUTO confirmation): the area whose subjects are tried, the policy code,
     * the last step, the applicant's note, the amount granted when the policy computes none, a decline's reason.
     */
    record Script(String area, String policy, Step step, String note, long yuan, String reason) {
    }

    private static final String NY = "411300";
    private static final String XX = "411523";

    static final List<Script> SCRIPTS = List.of(
            new Script(NY, "NY40-01", Step.GRANT, "申请退还存量留抵税额约218万元", 2_180_000, null),
            new Script(NY, "NY40-01", Step.APPLY, "申请按月退还增量留抵税额", 0, null),
            new Script(NY, "NY40-02", Step.GRANT, "小型企业，申请一次性退还存量留抵税额", 356_000, null),
            new Script(NY, "NY40-02", Step.APPLY, "申请退还存量留抵税额", 0, null),
            new Script(NY, "NY40-04", Step.GRANT, "2021年度研发费用约320万元，申请加计扣除", 480_000, null),
            new Script(NY, "NY40-04", Step.DECLINE, "申请研发费用加计扣除", 0, "未提供研发费用辅助账，请补充后重新申请"),
            new Script(NY, "NY40-38", Step.GRANT, "计划6月开展线上促销和直播带货活动", 50_000, null),
            new Script(NY, "NY40-17", Step.APPLY, "经营困难，申请暂缓缴纳2022年养老保险费", 0, null),
            new Script(NY, "NY40-18", Step.APPLY, "受疫情影响营业收入下降，申请缓缴三项社会保险费", 0, null),
            new Script(NY, "NY40-48", Step.APPLY, "一笔500万元流动资金贷款6月到期，申请续贷", 0, null),
            new Script(NY, "NY40-47", Step.VIEW, null, 0, null),
            new Script("410000", "HN-BOOTH", Step.GRANT, "购置核酸采样屋2座，费用9.6万元", 48_000, null),
            new Script(XX, "XX-05", Step.CONFIRM, null, 0, null));

    private final SibaoProperties properties;
    private final PolicyMatcher matcher;
    private final PolicyMatches matches;
    private final Redemptions redemptions;
    private final Subjects subjects;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;
    private final TransactionTemplate tx;

    PolicyDemoData(SibaoProperties properties, PolicyMatcher matcher, PolicyMatches matches, Redemptions redemptions,
            Subjects subjects, EnterpriseDirectory enterprises, UserDirectory users, TransactionTemplate tx) {
        this.properties = properties;
        this.matcher = matcher;
        this.matches = matches;
        this.redemptions = redemptions;
        this.subjects = subjects;
        this.enterprises = enterprises;
        this.users = users;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || redemptions.anyTaken()) {
            return;
        }
        long started = System.nanoTime();
        matcher.sweep();
        long swept = System.nanoTime();
        Map<String, PolicyRow> inForce = new HashMap<>();
        matcher.inForce().forEach(p -> inForce.put(p.row().code(), p.row()));
        Picker picker = new Picker();
        int[] done = {0, 0};
        tx.executeWithoutResult(s -> {
            for (Script script : SCRIPTS) {
                PolicyRow policy = inForce.get(script.policy());
                if (policy == null) {
                    continue;
                }
                if (script.step() == Step.CONFIRM) {
                    done[1] += ActingUser.call(decider(script.area(), policy),
                            () -> redemptions.confirmAuto(policy, CurrentUser.get().scope(), null));
                    continue;
                }
                picker.next(script.area(), policy).ifPresent(subject -> {
                    play(script, policy, subject);
                    done[0]++;
                });
            }
        });
        log.info("Demo policy redemptions: matched and pushed in {} ms; {} taken to their states and {} granted by "
                + "confirmation in {} ms", (swept - started) / 1_000_000, done[0], done[1],
                (System.nanoTime() - swept) / 1_000_000);
    }

    private void play(Script script, PolicyRow policy, SubjectFacts subject) {
        PolicyMatches.Item item = ActingUser.call(enterpriseUser(subject), () -> {
            List<PolicyMatches.Item> items = matches.of(matches.subject(subject.id()));
            if (script.step() != Step.VIEW) {
                matches.apply(matches.subject(subject.id()), policy.id(), script.note());
            }
            return items.stream().filter(i -> i.policyId().equals(policy.id())).findFirst().orElseThrow();
        });
        if (script.step() == Step.GRANT || script.step() == Step.DECLINE) {
            boolean grant = script.step() == Step.GRANT;
            BigDecimal amount = item.benefitYuan() != null ? item.benefitYuan() : BigDecimal.valueOf(script.yuan());
            ActingUser.run(decider(script.area(), policy), () -> redemptions.decide(subject.id(), policy, grant,
                    grant ? amount : null, grant ? null : script.reason()));
        }
    }

    /** The subject's own enterprise user, or a stand-in enterprise user of the subject. */
    private CurrentUser enterpriseUser(SubjectFacts subject) {
        return users.enterpriseUserIds(subject.id()).stream().map(users::principal).flatMap(Optional::stream)
                .filter(u -> u.role() == Role.ENTERPRISE).findFirst()
                .orElseGet(() -> ActingUser.standInEnterprise(subject.id(), subject.regionCode()));
    }

    /**
     * Who decides at the area: a handler of the policy's department (or the sector office that is that department),
     * else the area's HQ office (a stand-in where the demo has none).
     */
    private CurrentUser decider(String area, PolicyRow policy) {
        String department = policy.departmentCode();
        List<String> ids = new ArrayList<>(users.departmentUserIds(area, department));
        for (Sector sector : Sector.values()) {
            if (sector.department().name().equals(department)) {
                ids.addAll(users.userIds(Role.SECTOR_OFFICER, area, sector));
            }
        }
        ids.addAll(users.userIds(Role.HQ_OFFICER, area, null));
        return ids.stream().map(users::principal).flatMap(Optional::stream)
                .filter(u -> PolicyAccess.canDecide(u, policy)).findFirst()
                .orElseGet(() -> ActingUser.standIn(Role.HQ_OFFICER, area, null));
    }

    /**
     * Picks, per area and policy, the next subject (USCC order) the policy finds ELIGIBLE, one not used by another
     * script first, so that the redemptions spread over the area's enterprises.
     */
    private final class Picker {

        private final Map<String, List<String>> ids = new HashMap<>();
        private final Map<String, SubjectFacts> facts = new HashMap<>();
        private final Map<String, Set<String>> eligible = new HashMap<>();
        private final Set<String> used = new HashSet<>();
        private final Set<String> usedFor = new HashSet<>();

        Optional<SubjectFacts> next(String area, PolicyRow policy) {
            List<String> candidates = ids.computeIfAbsent(area, a -> enterprises.sampleUnder(Region.prefixOf(a), 1000))
                    .stream().filter(id -> !usedFor.contains(id + "/" + policy.id()) && eligible(id).contains(policy.id()))
                    .toList();
            Optional<String> pick = candidates.stream().filter(id -> !used.contains(id)).findFirst()
                    .or(() -> candidates.stream().findFirst());
            pick.ifPresent(id -> {
                used.add(id);
                usedFor.add(id + "/" + policy.id());
            });
            return pick.map(facts::get);
        }

        /** The APPLY policies the subject is ELIGIBLE for (AUTO ones are confirmed, never applied for). */
        private Set<String> eligible(String id) {
            return eligible.computeIfAbsent(id, k -> {
                Optional<SubjectFacts> f = subjects.find(k, DataScope.system());
                if (f.isEmpty()) {
                    return Set.of();
                }
                facts.put(k, f.get());
                Set<String> out = new HashSet<>();
                for (PolicyMatcher.Evaluation e : matcher.evaluate(f.get())) {
                    if (e.outcome() == MatchOutcome.ELIGIBLE && e.policy().row().mode() == PolicyMode.APPLY) {
                        out.add(e.policy().row().id());
                    }
                }
                return out;
            });
        }
    }
}
