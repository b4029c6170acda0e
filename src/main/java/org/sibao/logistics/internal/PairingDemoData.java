package org.sibao.logistics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sibao.identity.ActingUser;
import org.sibao.identity.CurrentUser;
import org.sibao.identity.EnterpriseDirectory;
import org.sibao.identity.SqlFilter;
import org.sibao.identity.UserDirectory;
import org.sibao.platform.ApiException;
import org.sibao.platform.SibaoProperties;
import org.sibao.region.Region;
import org.sibao.region.Sector;
import org.sibao.subject.SubjectRef;
import org.sibao.subject.Subjects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a handful of pairings per demo area (新郑, 开封, 济源, 南阳, 新县), proposed by the area's HQ
 * office from the suggestions, as an officer would, and taken to every state: proposed, active, declined and
 * ended. The demo enterprise user's own subject (the area's first sample) takes part, as the supply side of a
 * proposal to confirm and an active pairing to end, or as the demand side. Deterministic; skipped when any pairing
 * exists. Runs after the other demo data.
 */
@Component
@Order(50)
class PairingDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PairingDemoData.class);
    private static final List<String> AREAS = List.of("410184", "410200", "419001", "411300", "411523");
    private static final int SCAN = 120;

    private final SibaoProperties properties;
    private final PairingService service;
    private final PairingRepository repository;
    private final Subjects subjects;
    private final EnterpriseDirectory enterprises;
    private final UserDirectory users;

    PairingDemoData(SibaoProperties properties, PairingService service, PairingRepository repository,
            Subjects subjects, EnterpriseDirectory enterprises, UserDirectory users) {
        this.properties = properties;
        this.service = service;
        this.repository = repository;
        this.subjects = subjects;
        this.enterprises = enterprises;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || repository.count(SqlFilter.NONE) > 0) {
            return;
        }
        int[] made = {0};
        // each call its own transaction, so that a proposal that does not fit leaves the others in place
        AREAS.forEach(area -> {
            CurrentUser hq = users.hqOffice(area);
            made[0] += ActingUser.call(hq, () -> seed(area));
        });
        log.info("Demo pairings: {} proposed and taken to their states", made[0]);
    }

    private int seed(String area) {
        String prefix = Region.prefixOf(area);
        List<SubjectRef> demand = new ArrayList<>();
        for (String id : subjects.idsUnder(prefix, null).stream().sorted().limit(SCAN).toList()) {
            subjects.ref(id).filter(r -> PairingKind.DEMAND_SECTORS.contains(r.sector())).ifPresent(demand::add);
        }
        if (demand.size() < 3) {
            return 0;
        }
        int n = 0;
        List<String> sample = enterprises.sampleUnder(prefix, 1);
        Optional<SubjectRef> own = sample.isEmpty() ? Optional.empty() : subjects.ref(sample.get(0));
        if (own.isPresent() && (own.get().sector() == Sector.TRANSPORT || own.get().sector() == Sector.COMMERCE)) {
            String kind = own.get().sector() == Sector.TRANSPORT ? "TRANSPORT" : "SUPPLY";
            n += pair(demand.get(0).id(), own.get().id(), kind, "请协助保障原材料和产成品运输", Step.NONE);
            n += pair(demand.get(1).id(), own.get().id(), kind, "长期合作，保障生产物资供应", Step.CONFIRM);
        } else if (own.isPresent() && PairingKind.DEMAND_SECTORS.contains(own.get().sector())) {
            n += suggested(own.get().id(), PairingKind.TRANSPORT, "闭环生产期间的原材料运输", Step.CONFIRM);
            n += suggested(own.get().id(), PairingKind.SUPPLY, "员工生活物资供应", Step.NONE);
        }
        n += suggested(demand.get(0).id(), PairingKind.TRANSPORT, "产成品外运，优先使用白名单车辆", Step.CONFIRM);
        n += suggested(demand.get(0).id(), PairingKind.LODGING, "外地返岗员工集中住宿", Step.NONE);
        n += suggested(demand.get(1).id(), PairingKind.SUPPLY, "生活物资配送", Step.DECLINE);
        n += suggested(demand.get(2).id(), PairingKind.TRANSPORT, "疫情期间应急运输", Step.END);
        return n;
    }

    private enum Step { NONE, CONFIRM, DECLINE, END }

    private int suggested(String demandId, PairingKind kind, String note, Step step) {
        List<PairingRepository.Suggestion> s = service.suggestions(demandId, kind.name(), 1).items();
        return s.isEmpty() ? 0 : pair(demandId, s.get(0).enterpriseId(), kind.name(), note, step);
    }

    private int pair(String demandId, String supplyId, String kind, String note, Step step) {
        try {
            Pairing p = service.propose(new PairingService.ProposeRequest(demandId, supplyId, kind, note));
            switch (step) {
                case CONFIRM -> service.confirm(p.id());
                case DECLINE -> service.decline(p.id(), new PairingService.Decision("运力已满，暂无法承接"));
                case END -> {
                    service.confirm(p.id());
                    service.end(p.id(), new PairingService.Decision("疫情缓解，恢复正常经营"));
                }
                default -> { }
            }
            return 1;
        } catch (ApiException e) {
            // a demo subject that does not fit (e.g. outside the stand-in's region) is simply left out
            return 0;
        }
    }
}
