package org.sibao.subject.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sibao.identity.CurrentUser;
import org.sibao.platform.Validation;
import org.sibao.subject.Incident;
import org.sibao.subject.SubjectAttribute;
import org.sibao.subject.SubjectLink;

/**
 * The create/edit form as typed in: every field text, so that a mistyped number is shown back with its message.
 * Incidents and links are one per line ({@code SAFETY:2021-03-05}, {@code <id>:SUPPLIER}).
 */
class SubjectForm {

    private String uscc;
    private String projectNo;
    private String name;
    private String kind;
    private String regionCode;
    private String address;
    private String legalRepresentative;
    private String contactPhone;
    private String sector;
    private String industryCode;
    private String employees;
    private String annualRevenue;
    private String totalAssets;
    private String outputValue;
    private String totalInvestment;
    private String annualInvestment;
    private List<String> flags = new ArrayList<>();
    private String incidents;
    private String links;
    private Map<String, String> attributes = new LinkedHashMap<>();

    /** The form of a stored subject; the phone masked unless the user may see it in clear (kept if sent back so). */
    static SubjectForm of(SubjectRecord r, CurrentUser user) {
        SubjectForm f = new SubjectForm();
        f.uscc = r.uscc();
        f.projectNo = r.projectNo();
        f.name = r.name();
        f.kind = r.kind().name();
        f.regionCode = r.regionCode();
        f.address = r.address();
        f.legalRepresentative = r.legalRepresentative();
        f.contactPhone = PersonalData.phoneFor(user, r.contactPhone());
        f.sector = r.sector().name();
        f.industryCode = r.industryCode();
        f.employees = r.employees() == null ? null : r.employees().toString();
        f.annualRevenue = plain(r.annualRevenue());
        f.totalAssets = plain(r.totalAssets());
        f.outputValue = plain(r.outputValue());
        f.totalInvestment = plain(r.totalInvestment());
        f.annualInvestment = plain(r.annualInvestment());
        f.flags = new ArrayList<>(r.flags().stream().sorted().map(Enum::name).toList());
        f.incidents = String.join("\n", r.incidents().stream().map((Incident i) -> i.kind().name() + ":" + i.date()).toList());
        f.links = String.join("\n", r.links().stream().map((SubjectLink l) -> l.enterpriseId() + ":" + l.relation().name()).toList());
        r.attributes().forEach((a, v) -> f.attributes.put(a.key(), a.format(v)));
        return f;
    }

    /** The API input for this form; unparseable numbers are named in {@code v} and passed on as absent. */
    SubjectInput toInput(Validation v) {
        List<SubjectInput.IncidentInput> incidentList = new ArrayList<>();
        for (String line : lines(incidents)) {
            String[] kd = line.split("[:：]", 2);
            incidentList.add(new SubjectInput.IncidentInput(kd[0].trim(), kd.length > 1 ? kd[1].trim() : null));
        }
        List<SubjectInput.LinkInput> linkList = new ArrayList<>();
        for (String line : lines(links)) {
            String[] ir = line.split("[:：]", 2);
            linkList.add(new SubjectInput.LinkInput(ir[0].trim(), ir.length > 1 ? ir[1].trim() : null));
        }
        Map<String, Object> attrs = new LinkedHashMap<>();
        attributes.forEach((k, text) -> {
            if (text == null || text.isBlank()) {
                return;
            }
            SubjectAttribute.byKey(k).ifPresentOrElse(a -> {
                Object typed = a.coerce(text).orElse(null);
                if (typed == null) {
                    v.reject("attributes." + k, "subject.attribute.type." + a.type().name().toLowerCase(java.util.Locale.ROOT));
                } else {
                    attrs.put(k, typed);
                }
            }, () -> attrs.put(k, text));
        });
        return new SubjectInput(uscc, projectNo, name, kind, regionCode, address, legalRepresentative, contactPhone,
                sector, industryCode, decimal(employees, "employees", v), decimal(annualRevenue, "annualRevenue", v),
                decimal(totalAssets, "totalAssets", v), decimal(outputValue, "outputValue", v),
                decimal(totalInvestment, "totalInvestment", v), decimal(annualInvestment, "annualInvestment", v),
                flags == null ? List.of() : flags, incidentList, linkList, attrs);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static BigDecimal decimal(String text, String field, Validation v) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException ex) {
            v.reject(field, "validation.badValue");
            return null;
        }
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getProjectNo() { return projectNo; }
    public void setProjectNo(String projectNo) { this.projectNo = projectNo; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getRegionCode() { return regionCode; }
    public void setRegionCode(String regionCode) { this.regionCode = regionCode; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String legalRepresentative) { this.legalRepresentative = legalRepresentative; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getSector() { return sector; }
    public void setSector(String sector) { this.sector = sector; }
    public String getIndustryCode() { return industryCode; }
    public void setIndustryCode(String industryCode) { this.industryCode = industryCode; }
    public String getEmployees() { return employees; }
    public void setEmployees(String employees) { this.employees = employees; }
    public String getAnnualRevenue() { return annualRevenue; }
    public void setAnnualRevenue(String annualRevenue) { this.annualRevenue = annualRevenue; }
    public String getTotalAssets() { return totalAssets; }
    public void setTotalAssets(String totalAssets) { this.totalAssets = totalAssets; }
    public String getOutputValue() { return outputValue; }
    public void setOutputValue(String outputValue) { this.outputValue = outputValue; }
    public String getTotalInvestment() { return totalInvestment; }
    public void setTotalInvestment(String totalInvestment) { this.totalInvestment = totalInvestment; }
    public String getAnnualInvestment() { return annualInvestment; }
    public void setAnnualInvestment(String annualInvestment) { this.annualInvestment = annualInvestment; }
    public List<String> getFlags() { return flags; }
    public void setFlags(List<String> flags) { this.flags = flags; }
    public String getIncidents() { return incidents; }
    public void setIncidents(String incidents) { this.incidents = incidents; }
    public String getLinks() { return links; }
    public void setLinks(String links) { this.links = links; }
    public Map<String, String> getAttributes() { return attributes; }
    public void setAttributes(Map<String, String> attributes) { this.attributes = attributes; }
}
