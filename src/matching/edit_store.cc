#include "matching/edit_store.h"

#include <map>

#include "storage/row.h"
#include "storage/where.h"

namespace ruralec::matching::store {
namespace {

Status Done(const Result<int64_t>& r) { return r.ok() ? Status() : Status(r.error()); }

using storage::OrNull;

const storage::Columns kEdit("id, object_kind, object_id, reason, edited_by, edited_at");

Edit EditFrom(const storage::Row& row) {
  storage::NamedRow r(row, kEdit);
  Edit e;
  e.id = r.Int("id");
  e.object_kind = r.Text("object_kind");
  e.object_id = r.Int("object_id");
  e.reason = r.Text("reason");
  e.edited_by = r.OptInt("edited_by");
  e.edited_at = r.Int("edited_at");
  return e;
}

// The fields of a page of edits, one query.
Status ReadFields(storage::Connection& conn, std::vector<Edit>& edits) {
  if (edits.empty()) return {};
  std::string marks;
  storage::Params ids;
  std::map<int64_t, Edit*> by_id;
  for (auto& e : edits) {
    marks += marks.empty() ? "?" : ", ?";
    ids.emplace_back(e.id);
    by_id[e.id] = &e;
  }
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT edit_id, field, old_value, new_value FROM "
                                         "matching_edit_fields WHERE edit_id IN (" +
                                             marks + ") ORDER BY edit_id, id",
                                         ids));
  for (const auto& r : rows)
    by_id[r.Int(0)]->changes.push_back({r.Text(1), "", r.Text(2), r.Text(3)});
  return {};
}

}  // namespace

Result<int64_t> InsertEdit(storage::Connection& conn, const Edit& e) {
  ASSIGN_OR_RETURN(
      storage::Row row,
      conn.QueryOne("INSERT INTO matching_edits (object_kind, object_id, reason, "
                    "edited_by, edited_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {e.object_kind, e.object_id, e.reason, OrNull(e.edited_by), e.edited_at},
                    "insert edit"));
  int64_t id = row.Int(0);
  for (const FieldChange& c : e.changes)
    RETURN_IF_ERROR(
        Done(conn.Exec("INSERT INTO matching_edit_fields (edit_id, field, old_value, "
                       "new_value) VALUES (?, ?, ?, ?)",
                       {id, c.field, c.before, c.after})));
  return id;
}

Result<Page<Edit>> EditsOf(storage::Connection& conn, const std::string& kind, int64_t id,
                           const PageRequest& page) {
  storage::Where w;
  w.Eq("object_kind", kind).Eq("object_id", id);
  ASSIGN_OR_RETURN(auto p, storage::QueryPage<Edit>(conn, kEdit.List(), "FROM matching_edits", w,
                                                    " ORDER BY id DESC", page, EditFrom));
  RETURN_IF_ERROR(ReadFields(conn, p.items));
  return p;
}

Status UpdateListingOffer(storage::Connection& conn, const Listing& l, int64_t now) {
  return Done(conn.Exec(
      "UPDATE listings SET product = ?, unit = ?, quantity = ?, price_fen = ?, available_from = "
      "?, available_to = ?, note = ?, status = CASE WHEN matched_quantity >= ? THEN 'matched' "
      "ELSE status END, updated_at = ? WHERE id = ?",
      {l.product, l.unit, l.quantity, OrNull(l.price_fen), l.available_from.ToString(),
       l.available_to.ToString(), l.note, l.quantity, now, l.id}));
}

Status ReplaceAgreement(storage::Connection& conn, int64_t id, const AgreementInput& in,
                        int64_t now) {
  RETURN_IF_ERROR(Done(conn.Exec(
      "UPDATE agreements SET agreement_no = ?, title = ?, model = ?, signed_on = ?, valid_from = "
      "?, valid_to = ?, note = ?, updated_at = ? WHERE id = ?",
      {in.agreement_no, in.title, in.model, in.signed_on.ToString(), in.valid_from.ToString(),
       in.valid_to.ToString(), in.note, now, id})));
  RETURN_IF_ERROR(Done(conn.Exec("DELETE FROM agreement_parties WHERE agreement_id = ?", {id})));
  RETURN_IF_ERROR(Done(conn.Exec("DELETE FROM agreement_products WHERE agreement_id = ?", {id})));
  return InsertParts(conn, id, in);
}

Result<std::set<std::string>> SalesMonths(storage::Connection& conn, int64_t agreement_id) {
  ASSIGN_OR_RETURN(auto rows, conn.Query("SELECT month FROM agreement_sales WHERE agreement_id = ?",
                                         {agreement_id}));
  std::set<std::string> out;
  for (const auto& r : rows) out.insert(r.Text(0));
  return out;
}

}  // namespace ruralec::matching::store
