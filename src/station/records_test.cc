// Service records (records.h): a month saved and read back, corrections keeping history and
// one audit entry, same figures writing nothing, field rules naming the field, who may read and
// write (operator only their own station, town staff their town, auditors read), the import
// (records_import.h) and the year figures other modules read.
#include "station/records.h"

#include "station/records_import.h"
#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

class StationRecords : public testing::StationFixture {
 protected:
  void SetUp() override {
    StationFixture::SetUp();
    auto a = Register(D(), county_, Village("341302100201", "甲站"));
    auto b = Register(D(), county_, Village("341302101203", "乙站"));
    ASSERT_TRUE(a.ok() && b.ok());
    a_ = a->id;
    b_ = b->id;
    op_ = MakePrincipal("341302100201", "station_operator", 77);
    op_.binding = account::Binding{"station", a_};
  }
  static std::optional<ServiceRecord> Of(const StationMonth& m, const std::string& item) {
    for (const auto& i : m.items)
      if (i.item.value == item) return i.record;
    return std::nullopt;
  }
  int64_t a_ = 0, b_ = 0;
  account::Principal op_;
};

TEST_F(StationRecords, OperatorSavesTheMonthAndReadsItBack) {
  auto m =
      SaveMonth(D(), op_, a_, "2023-10",
                {{"purchase", 12, 345600}, {"uplink", 30, 5000000}, {"parcel_in", 210, 0}}, "");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_TRUE(m->editable);
  EXPECT_EQ(m->items.size(), BuiltinRecordItems().size());
  auto back = Month(D(), op_, a_, "2023-10");
  ASSERT_TRUE(back.ok());
  ASSERT_TRUE(Of(*back, "uplink"));
  EXPECT_EQ(Of(*back, "uplink")->amount_fen, 5000000);
  EXPECT_EQ(Of(*back, "parcel_in")->quantity, 210);
  EXPECT_FALSE(Of(*back, "finance"));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.records'"), 1);
}

TEST_F(StationRecords, CorrectionKeepsHistoryAndSameFiguresWriteNothing) {
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-10", {{"purchase", 12, 345600}}, "").ok());
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-10", {{"purchase", 12, 345600}}, "").ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.records'"), 1);
  auto m = SaveMonth(D(), town_, b_, "2023-10", {{"purchase", 1, 100}}, "");
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto fixed = SaveMonth(D(), op_, a_, "2023-10", {{"purchase", 13, 355600}}, "漏记一单");
  ASSERT_TRUE(fixed.ok());
  auto all = Records(D(), op_, a_, {"2023-10", "2023-10", "purchase", true}, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->total, 2);
  EXPECT_TRUE(all->items[0].current);
  EXPECT_EQ(all->items[0].quantity, 13);
  EXPECT_EQ(all->items[0].correction_reason, "漏记一单");
  EXPECT_EQ(all->items[0].supersedes_id, all->items[1].id);
  EXPECT_FALSE(all->items[1].current);
  auto current = Records(D(), op_, a_, {}, {});
  EXPECT_EQ(current->total, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.records' AND detail "
                  "LIKE '%purchase=13/355600(was 12/345600)%'"),
            1);
}

TEST_F(StationRecords, RefusesBadFiguresNamingTheField) {
  auto code = [&](std::vector<RecordFigure> f, const std::string& period = "2023-10") {
    auto r = SaveMonth(D(), op_, a_, period, f, "");
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(code({{"purchase", -1, 0}}), "quantity");
  EXPECT_EQ(code({{"parcel_in", 3, 100}}), "amount");  // parcels carry no amount
  EXPECT_EQ(code({{"lottery", 3, 100}}), "item");
  EXPECT_EQ(code({{"purchase", 1, 1}, {"代买", 2, 2}}), "item");  // the same item twice
  EXPECT_EQ(code({{"purchase", 1, 1}}, "2023-12"), "period");     // the future (today 2023-11-14)
  EXPECT_EQ(code({{"purchase", 1, 1}}, "2023-13"), "period");
  EXPECT_EQ(code({{"代买", 1, 1}}, "2023-11"), "ok");  // labels are accepted
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records"), 1);
}

TEST_F(StationRecords, ScopeOperatorOwnTownTheirTownAuditorReads) {
  EXPECT_EQ(SaveMonth(D(), op_, b_, "2023-10", {{"purchase", 1, 1}}, "").error().code,
            ErrorCode::kNotFound);  // not their station: hidden
  EXPECT_EQ(Month(D(), op_, b_, "2023-10").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(SaveMonth(D(), town_, a_, "2023-10", {{"purchase", 1, 1}}, "").error().code,
            ErrorCode::kNotFound);  // town 341302101 does not see 341302100's station
  ASSERT_TRUE(SaveMonth(D(), town_, b_, "2023-10", {{"purchase", 1, 1}}, "").ok());
  account::Principal auditor = MakePrincipal("341302", "auditor");
  auto seen = Month(D(), auditor, b_, "2023-10");
  ASSERT_TRUE(seen.ok());
  EXPECT_FALSE(seen->editable);
  EXPECT_EQ(SaveMonth(D(), auditor, b_, "2023-10", {{"purchase", 2, 1}}, "").error().code,
            ErrorCode::kForbidden);
}

TEST_F(StationRecords, CountiesExtendTheItems) {
  ASSERT_TRUE(
      AddDictValue(D(), county_, "station_record_items", {"seed_sales", "农资代购", false}).ok());
  auto m = SaveMonth(D(), op_, a_, "2023-10", {{"农资代购", 4, 8800}}, "");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(Of(*m, "seed_sales")->amount_fen, 8800);
}

TEST_F(StationRecords, YearFiguresSumCurrentRecordsWithTheirIds) {
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-01", {{"uplink", 3, 2000000}}, "").ok());
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-02", {{"uplink", 4, 3000000}}, "").ok());
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-02", {{"uplink", 5, 3100000}}, "更正").ok());
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2022-12", {{"uplink", 9, 9000000}}, "").ok());
  auto y = YearFigures(*tdb_.db().Acquire(), *RegionCode::Parse("341302"), 2023);
  ASSERT_TRUE(y.ok());
  ASSERT_EQ(y->size(), 2u);
  const StationYear& a = (*y)[0].station_id == a_ ? (*y)[0] : (*y)[1];
  EXPECT_EQ(a.name, "甲站");
  EXPECT_EQ(a.items.at("uplink").amount_fen, 5100000);
  EXPECT_EQ(a.items.at("uplink").quantity, 8);
  EXPECT_EQ(a.items.at("uplink").record_ids.size(), 2u);
}

class StationRecordImport : public StationRecords {
 protected:
  std::string Csv(const std::string& name, const std::string& rows) {
    return WriteFile(name, "区划代码*,站点名称*,月份*,服务项目*,数量*,金额(元)\n" + rows);
  }
};

TEST_F(StationRecordImport, ImportsOnceRejectsDuplicatesAndDifferentFigures) {
  std::string good = Csv("r.csv",
                         "341302100201,甲站,2023-09,代买,12,3456.00\n"
                         "341302100201,甲站,2023-09,uplink,30,50000\n"
                         "341302101203,乙站,2023-09,快递代收,210,\n");
  auto r = ImportRecords(Ctx(), county_, good, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records WHERE source = 'import' AND "
                  "batch_id = " +
                  std::to_string(r->batch_id)),
            3);
  EXPECT_EQ(Count("SELECT amount_fen FROM station_service_records WHERE item = 'purchase'"),
            345600);
  EXPECT_TRUE(ImportRecords(Ctx(), county_, good, imports::Mode::kAllOrNothing)->already_imported);
  // An edited file: a repeated row, the same figures (already imported, nothing written), a changed
  // figure (rejected: corrections go through the records page), an unknown station.
  std::string edited = Csv("e.csv",
                           "341302100201,甲站,2023-09,代买,12,3456\n"
                           "341302100201,甲站,2023-09,uplink,31,50000\n"
                           "341302100201,甲站,2023-10,代买,1,1\n"
                           "341302100201,甲站,2023-10,purchase,2,2\n"
                           "341302100201,丙站,2023-10,代买,1,1\n");
  auto e = ImportRecords(Ctx(), county_, edited, imports::Mode::kValidOnly);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->rows_imported, 1);
  EXPECT_EQ(e->rows_already_imported, 1);
  ASSERT_EQ(e->rows_rejected, 3);
  EXPECT_EQ(e->errors[0].row, 3);
  EXPECT_EQ(e->errors[1].row, 5);
  EXPECT_NE(e->errors[1].reason.find("第4行重复"), std::string::npos);
  EXPECT_EQ(e->errors[2].column, "站点名称");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records"), 4);
}

TEST_F(StationRecordImport, AllOrNothingAndRowRulesNameTheColumn) {
  auto r = ImportRecords(Ctx(), county_,
                         Csv("b.csv",
                             "341302100201,甲站,2023-09,代买,12,3456\n"
                             "341302100201,甲站,2024-09,代买,1,1\n"
                             "341302100201,甲站,2023-08,快递代发,3,10\n"
                             "341302100201,甲站,2023-07,代买,x,1\n"),
                         imports::Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->rolled_back);
  ASSERT_EQ(r->errors.size(), 3u);
  EXPECT_EQ(r->errors[0].column, "月份");
  EXPECT_EQ(r->errors[1].column, "金额");
  EXPECT_EQ(r->errors[2].column, "数量");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records"), 0);
  // The town's staff import only their town's stations; operators do not import.
  auto town = ImportRecords(Ctx(), town_, Csv("t.csv", "341302100201,甲站,2023-09,代买,1,1\n"),
                            imports::Mode::kValidOnly);
  ASSERT_TRUE(town.ok());
  EXPECT_EQ(town->rows_rejected, 1);
  EXPECT_EQ(ImportRecords(Ctx(), op_, Csv("o.csv", "341302100201,甲站,2023-09,代买,1,1\n"),
                          imports::Mode::kValidOnly)
                .error()
                .code,
            ErrorCode::kForbidden);
}

TEST_F(StationRecordImport, TemplateHasEveryColumn) {
  auto t = RecordsTemplate();
  EXPECT_EQ(t.headers.size(), 6u);
  EXPECT_EQ(t.rows.at(0).size(), t.headers.size());
}

}  // namespace
}  // namespace ruralec::station
