// The specialty product library (特色产品库, issue 23 items 1–2; docs/PRODUCTS.md): products with
// their producer, brands, origin, GTIN, specs, packaging standard and grade on a county grading
// scale; certifications (三品一标, 食用农产品达标合格证) of a product or a producer; admission
// (准入) as idempotent transitions. Traceability is in trace.h.
//
// Contract:
//  - A product's region is its region of origin, a town or village; its county owns it. Its
//    producer is an entity of the entity module (entity::Get) in the same county. Its own brand
//    is one of the producer's brands; a regional public brand (区域公用品牌) is a brand flagged
//    regional_brand of an entity of the same county.
//  - GTIN (optional): 8, 12, 13 or 14 digits with a valid GS1 check digit (validate::Gtin),
//    stored as GTIN-14; unique within a county.
//  - A grade is one of the grades of a grading scale of the product's county; the county defines
//    its scales (county staff holding products:review), and a scale is never changed.
//  - A certification has a kind of the dictionary product_certification_kinds, a number, an
//    issuing body and valid_from ≤ valid_to. It counts while valid_from ≤ today ≤ valid_to
//    (Asia/Shanghai): an expired one stays on record, shown as expired, and no longer counts.
//    The expiry list gives those ending within the next N days (default 60).
//  - Admission moves only along AdmissionRules(); each move is a command with an idempotency key:
//    the same key and command returns the first transition (repeated = true), the same key with
//    another command is kConflict (field idempotency_key). Admitting needs the county checklist
//    all ticked; returning, rejecting, suspending and removing need a reason.
//  - Scope: reads need products:read and the record's region inside the caller's region; an
//    account bound to an entity (entity::OwnEntityOnly) sees and writes only its entity's
//    records. Outside the view a record is "not found". Writes need products:edit (producer
//    side) or products:review (county) and the region in scope; every write is audited in its
//    transaction.
// Tables owned: product_grade_scales, products, product_certifications, product_admissions (and
// trace.h's trace_batches, trace_events).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "account/account.h"
#include "audit/audit.h"
#include "core/clock.h"
#include "core/date.h"
#include "core/page.h"
#include "core/result.h"
#include "core/types.h"
#include "storage/db.h"

namespace ruralec::products {

struct Deps {
  storage::Database& db;
  const audit::AuditLog& audit;
  const Clock& clock;
};

// ---- dictionaries (catalogue.cc) ----
struct Entry {
  std::string value, label;
};
const std::vector<Entry>& BuiltinCategories();   // dictionary product_library_categories
const std::vector<Entry>& CertificationKinds();  // dictionary product_certification_kinds
const Entry* FindCertificationKind(std::string_view value);
constexpr const char* kCategoryDict = "product_library_categories";

// ---- grading scales ----
struct GradeScale {
  int64_t id = 0;
  std::string county_code, name, note;
  std::vector<std::string> grades;  // best first
  int64_t created_at = 0;
};
struct GradeScaleInput {
  RegionCode county;  // default the caller's county
  std::string name, note;
  std::vector<std::string> grades;
};
Result<GradeScale> CreateScale(const Deps& d, const account::Principal& who, GradeScaleInput in);
Result<Page<GradeScale>> ListScales(const Deps& d, const account::Principal& who,
                                    const PageRequest& page);

// ---- products ----
enum class Admission { kDraft, kApplied, kReturned, kAdmitted, kRejected, kSuspended, kRemoved };
const char* AdmissionName(Admission a);   // "draft", "applied", …
const char* AdmissionLabel(Admission a);  // "未申请", "待审核", …
Result<Admission> ParseAdmission(std::string_view s);
std::vector<Admission> AllAdmissions();

struct Product {
  int64_t id = 0;
  std::string county_code;
  RegionCode region;
  std::string region_name;
  int64_t entity_id = 0;
  std::string entity_name;
  std::string name, category, category_label;
  std::optional<int64_t> brand_id, regional_brand_id;
  std::string brand_name, regional_brand_name;
  std::string gtin;  // GTIN-14 or ""
  std::string specs, packaging_standard;
  std::optional<int64_t> grade_scale_id;
  std::string grade_scale_name, grade;
  Admission admission = Admission::kDraft;
  std::optional<CivilDate> admission_on;
  bool certified = false;  // holds a certification valid today
  int64_t created_at = 0, updated_at = 0;
};

struct ProductInput {
  RegionCode region;                 // of origin; default the producer's region
  std::optional<int64_t> entity_id;  // required on create; an entity account: its own
  std::string name, category, gtin, specs, packaging_standard, grade;
  std::optional<int64_t> brand_id, regional_brand_id, grade_scale_id;
};

struct Certification {
  int64_t id = 0;
  std::string county_code;
  RegionCode region;
  std::optional<int64_t> product_id;
  std::string product_name;
  int64_t entity_id = 0;
  std::string entity_name;
  std::string kind, kind_label, number, issuer, note;
  CivilDate valid_from, valid_to;
  std::string status;     // "valid" | "expired" | "not_yet_valid" (today, Asia/Shanghai)
  int64_t days_left = 0;  // valid_to − today (negative once expired)
  int64_t created_at = 0, updated_at = 0;
};
struct CertificationInput {
  std::optional<int64_t> product_id;  // a product's certification, or
  std::optional<int64_t> entity_id;   // a producer's (exactly one of the two on create)
  std::string kind, number, issuer, note;
  std::optional<CivilDate> valid_from, valid_to;
};

// ---- admission ----
enum class Check { kCertification, kGrade, kPackaging, kBusiness };
struct ChecklistItem {
  std::string code;        // "certification" | "grade" | "packaging" | "business"
  std::string label;       // "三品一标或达标合格证有效"
  bool suggested = false;  // what the record shows (valid certification, grade, packaging given)
};
const std::vector<ChecklistItem>& ChecklistItems();

struct AdmissionRule {
  Admission from, to;
  const char* permission;  // "products:edit" | "products:review"
  const char* label;       // "申请入库"
  bool reason = false;     // a note (the reason) is required
  bool checklist = false;  // every checklist item must be ticked
};
const std::vector<AdmissionRule>& AdmissionRules();
const AdmissionRule* FindAdmissionRule(Admission from, Admission to);

struct AdmissionCommand {
  Admission to = Admission::kApplied;
  std::string idempotency_key, note;
  std::optional<CivilDate> on;         // default today
  std::vector<std::string> checklist;  // the ticked item codes
};
struct AdmissionMove {
  int64_t id = 0, product_id = 0;
  int seq = 0;
  Admission from = Admission::kDraft, to = Admission::kDraft;
  CivilDate on;
  std::string idempotency_key, note;
  std::vector<std::string> checklist;
  std::optional<int64_t> actor_id;
  std::string actor_name;
  int64_t created_at = 0;
  bool repeated = false;
};

struct Detail {
  Product product;
  std::vector<Certification> certifications;  // the product's and its producer's
  std::vector<ChecklistItem> checklist;       // with `suggested` from the record
  std::vector<AdmissionMove> history;
  std::vector<Admission> next;  // the states the caller may move it to
};

struct Filter {
  RegionCode region;  // default the caller's
  std::string q, category;
  std::optional<int64_t> entity_id;
  std::optional<Admission> admission;
  std::optional<bool> certified;
};
struct CertFilter {
  RegionCode region;
  std::optional<int64_t> product_id, entity_id;
  std::string kind;
  std::string status;           // "" | "valid" | "expired"
  std::optional<int> expiring;  // within N days from today (valid ones ending by today + N)
};

Result<Detail> Create(const Deps& d, const account::Principal& who, ProductInput in);
Result<Detail> Update(const Deps& d, const account::Principal& who, int64_t id, ProductInput in);
Result<Detail> Get(const Deps& d, const account::Principal& who, int64_t id);
Result<Page<Product>> List(const Deps& d, const account::Principal& who, Filter f,
                           const PageRequest& page);

Result<Certification> AddCertification(const Deps& d, const account::Principal& who,
                                       CertificationInput in);
Result<Certification> UpdateCertification(const Deps& d, const account::Principal& who, int64_t id,
                                          CertificationInput in);
Result<Page<Certification>> ListCertifications(const Deps& d, const account::Principal& who,
                                               CertFilter f, const PageRequest& page);

// Applies an admission command (contract above): the move, first or repeated, and the product.
Result<std::pair<AdmissionMove, Detail>> Apply(const Deps& d, const account::Principal& who,
                                               int64_t id, AdmissionCommand c);

// The files of a product (photos) and of a certificate (its scan), for attachments::api: the
// county they are filed under when `who` may read them (write false) or add one (write true:
// products:edit, the record writable, a product not removed); kNotFound outside the view.
Result<std::string> ProductFileAccess(storage::Connection& conn, const account::Principal& who,
                                      int64_t id, bool write);
Result<std::string> CertificateFileAccess(storage::Connection& conn, const account::Principal& who,
                                          int64_t id, bool write);

// ---- for trace.h (same module) ----
// The product when `who` may read it (else kNotFound), in the caller's connection.
Result<Product> VisibleProduct(storage::Connection& conn, const account::Principal& who,
                               int64_t id);

}  // namespace ruralec::products
