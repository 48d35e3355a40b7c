// Capture and query of EPCIS events (epcis.h contract).
#include "products/epcis.h"

#include "account/stamp.h"
#include "products/epcis_io.h"
#include "products/epcis_store.h"

namespace ruralec::products::epcis {
namespace {

bool Token(const std::string& t) {
  size_t dot = t.find('.');
  auto digits = [](std::string_view s) {
    if (s.empty() || s.size() > 18) return false;
    for (char c : s)
      if (c < '0' || c > '9') return false;
    return true;
  };
  return dot != std::string::npos && digits(std::string_view(t).substr(0, dot)) &&
         digits(std::string_view(t).substr(dot + 1));
}

}  // namespace

Result<CaptureResult> Capture(const trace::Deps& d, const account::Principal& who,
                              const nlohmann::json& document) {
  if (!who.Can("products:epcis:capture")) return Error::Forbidden("没有采集 EPCIS 事件的权限");
  if (who.region.level() != RegionLevel::kCounty)
    return Error::Forbidden("EPCIS 事件由县级账号采集到本县");
  const std::string county = who.region.county().str();
  ASSIGN_OR_RETURN(auto events, ReadCapture(document, d.clock.NowMs()));
  auto conn = d.db.Acquire();
  return storage::InTransaction<CaptureResult>(
      *conn, storage::TxMode::kWrite, [&]() -> Result<CaptureResult> {
        CaptureResult out;
        std::optional<int64_t> by;
        if (who.id.valid()) by = who.id.value;
        std::vector<const Stored*> all, fresh;
        for (const Stored& s : events) all.push_back(&s);
        // Every eventID looked up at once (a few statements), then the new ones inserted many
        // rows a statement; the first event stored with other content refuses the document.
        ASSIGN_OR_RETURN(auto prior, store::Fingerprints(*conn, county, all));
        for (size_t i = 0; i < events.size(); ++i) {
          const Stored& s = events[i];
          out.event_ids.push_back(s.event_id);
          auto it = prior.find({s.event_id, s.declaration});
          if (it == prior.end()) {
            fresh.push_back(&s);
            continue;
          }
          if (it->second != s.fingerprint)
            return Error::Conflict(
                "事件 " + s.event_id + " 已采集，内容不同（索引 " + std::to_string(i) + "）",
                "epcisBody.eventList[" + std::to_string(i) + "].eventID");
          ++out.repeated;
        }
        RETURN_IF_ERROR(store::InsertAll(*conn, county, fresh, by));
        out.captured = static_cast<int64_t>(fresh.size());
        RETURN_IF_ERROR(d.audit.Append(
            *conn, account::AuditOf(who, "epcis.capture", "epcis_document", 0,
                                    "captured=" + std::to_string(out.captured) +
                                        " repeated=" + std::to_string(out.repeated))));
        return out;
      });
}

Result<std::pair<std::vector<std::string>, std::string>> Events(const trace::Deps& d,
                                                                const account::Principal& who,
                                                                Query q) {
  if (!who.Can("products:epcis:read")) return Error::Forbidden("没有查询 EPCIS 事件的权限");
  if (who.region.level() > RegionLevel::kCounty)
    return Error::Forbidden("EPCIS 事件查询限县级及以上账号");
  if (q.scope.empty()) q.scope = who.region;
  if (!who.InScope(q.scope)) return Error::Forbidden("区划不在您的管辖范围内");
  if (q.per_page < 1 || q.per_page > 1000)
    return Error::Invalid("perPage", "perPage 应在 1 到 1000 之间");
  if (!q.token.empty() && !Token(q.token))
    return Error::Invalid("nextPageToken", "nextPageToken 无效");
  auto conn = d.db.Acquire();
  ASSIGN_OR_RETURN(auto found, store::Find(*conn, q));
  return std::pair<std::vector<std::string>, std::string>{std::move(found.documents),
                                                          std::move(found.next_token)};
}

}  // namespace ruralec::products::epcis
