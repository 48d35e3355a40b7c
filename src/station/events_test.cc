// Per-event service records (events.h): events roll into the month's record and are counted
// once by the year figures; voiding takes one out; a monthly figure and events never both count;
// households through the households module; who may write; the event import (error rows, a
// file imported again, a partly accepted file run again) and the operator company's imports
// (its own stations only, monthly records and events).
#include "station/events.h"

#include "households/households.h"
#include "station/events_import.h"
#include "station/records_import.h"
#include "station/test_fixture.h"

namespace ruralec::station {
namespace {

class StationEvents : public testing::StationFixture {
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
    company_ = MakePrincipal("341302100201", "operator_company", 78);
    company_.binding = account::Binding{"entity", 5};
    auto c = tdb_.db().Acquire();
    ASSERT_TRUE(c->Exec("UPDATE stations SET operator_entity_id = 5 WHERE id = ?", {a_}).ok());
  }
  static EventInput Sale(const std::string& day, int64_t q, int64_t fen) {
    EventInput in;
    in.happened_on = day;
    in.item = "uplink";
    in.quantity = q;
    in.amount_fen = fen;
    in.products = {"酥梨"};
    return in;
  }
  // The current monthly record of (station a, period, item): {quantity, amount, source}.
  std::tuple<int64_t, int64_t, std::string> MonthOf(const std::string& period,
                                                    const std::string& item = "uplink") {
    auto m = Month(D(), county_, a_, period);
    EXPECT_TRUE(m.ok());
    for (const auto& i : m->items)
      if (i.item.value == item && i.record)
        return {i.record->quantity, i.record->amount_fen, i.record->source};
    return {-1, -1, ""};
  }
  int64_t YearUplink(int64_t station) {
    auto y = YearFigures(*tdb_.db().Acquire(), *RegionCode::Parse("341302"), 2023);
    for (const auto& s : *y)
      if (s.station_id == station && s.items.count("uplink"))
        return s.items.at("uplink").amount_fen;
    return 0;
  }
  int64_t a_ = 0, b_ = 0;
  account::Principal op_, company_;
};

TEST_F(StationEvents, EventsSumIntoTheMonthAndCountOnce) {
  auto e1 = RecordEvent(D(), op_, a_, Sale("2023-10-03", 1, 12850));
  ASSERT_TRUE(e1.ok()) << e1.error().message;
  EXPECT_EQ(e1->event.period, "2023-10");
  EXPECT_EQ(e1->month.amount_fen, 12850);
  auto e2 = RecordEvent(D(), op_, a_, Sale("2023-10-20", 2, 30000));
  ASSERT_TRUE(e2.ok());
  EXPECT_EQ(MonthOf("2023-10"), std::make_tuple(int64_t{3}, int64_t{42850}, std::string("events")));
  EXPECT_EQ(YearUplink(a_), 42850);  // the superseded month records are not summed again
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_records WHERE is_current = 1"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'station.event'"), 2);
  auto list = Events(D(), op_, a_, {"2023-10", "", false}, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->total, 2);
  EXPECT_EQ(list->items[0].happened_on, "2023-10-20");
  EXPECT_EQ(list->items[0].products, std::vector<std::string>{"酥梨"});
}

TEST_F(StationEvents, VoidingTakesTheEventOutOnce) {
  auto e1 = RecordEvent(D(), op_, a_, Sale("2023-10-03", 1, 12850));
  ASSERT_TRUE(RecordEvent(D(), op_, a_, Sale("2023-10-04", 1, 100)).ok());
  auto v = VoidEvent(D(), op_, a_, e1->event.id, "录错金额");
  ASSERT_TRUE(v.ok()) << v.error().message;
  EXPECT_TRUE(v->event.voided_at);
  EXPECT_EQ(v->month.amount_fen, 100);
  auto again = VoidEvent(D(), op_, a_, e1->event.id, "再次");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(VoidEvent(D(), op_, a_, e1->event.id, "").error().field, "reason");
  EXPECT_EQ(VoidEvent(D(), op_, b_, e1->event.id, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Events(D(), op_, a_, {}, {})->total, 1);
  EXPECT_EQ(Events(D(), op_, a_, {"", "", true}, {})->total, 2);
  EXPECT_EQ(YearUplink(a_), 100);
}

TEST_F(StationEvents, AMonthlyFigureAndEventsNeverBothCount) {
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-10", {{"uplink", 5, 50000}}, "").ok());
  auto refused = RecordEvent(D(), op_, a_, Sale("2023-10-03", 1, 100));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_EQ(refused.error().field, "item");
  // Another item, or another month, is free; a monthly figure of 0 gives way to events.
  ASSERT_TRUE(RecordEvent(D(), op_, a_, Sale("2023-09-03", 1, 100)).ok());
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-10", {{"uplink", 0, 0}}, "改为逐笔").ok());
  ASSERT_TRUE(RecordEvent(D(), op_, a_, Sale("2023-10-03", 1, 100)).ok());
  EXPECT_EQ(MonthOf("2023-10"), std::make_tuple(int64_t{1}, int64_t{100}, std::string("events")));
  auto typed = SaveMonth(D(), op_, a_, "2023-10", {{"uplink", 9, 900}}, "");
  ASSERT_FALSE(typed.ok());
  EXPECT_EQ(typed.error().field, "item");
  // Saving the month's other items (and this one unchanged) still works.
  EXPECT_TRUE(
      SaveMonth(D(), op_, a_, "2023-10", {{"uplink", 1, 100}, {"purchase", 2, 10}}, "").ok());
}

TEST_F(StationEvents, FieldRulesNameTheField) {
  auto field = [&](EventInput in) {
    auto r = RecordEvent(D(), op_, a_, in);
    return r.ok() ? std::string("ok") : r.error().field;
  };
  EXPECT_EQ(field(Sale("2023-11-20", 1, 1)), "happened_on");  // in the future
  EXPECT_EQ(field(Sale("1999-12-31", 1, 1)), "happened_on");
  EXPECT_EQ(field(Sale("2023-13-01", 1, 1)), "happened_on");
  EXPECT_EQ(field(Sale("2023-10-01", -1, 1)), "quantity");
  auto parcel = Sale("2023-10-01", 1, 5);
  parcel.item = "parcel_in";
  EXPECT_EQ(field(parcel), "amount");
  auto unknown = Sale("2023-10-01", 1, 5);
  unknown.item = "火箭发射";
  EXPECT_EQ(field(unknown), "item");
  auto many = Sale("2023-10-01", 1, 5);
  many.products.clear();
  for (int i = 0; i < 21; ++i) many.products.push_back("产品" + std::to_string(i));
  EXPECT_EQ(field(many), "products");
  auto nobody = Sale("2023-10-01", 1, 5);
  nobody.household_ids = {999};
  EXPECT_EQ(field(nobody), "households");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_events"), 0);
}

TEST_F(StationEvents, HouseholdsByIdOrIdNumberThroughTheHouseholdsModule) {
  account::Principal clerk = county_;
  clerk.permissions.insert({"household:edit", "household:read"});
  households::HouseholdInput h;
  h.region = *RegionCode::Parse("341302100202");
  h.head_name = "张大爷";
  h.id_number = "34130219660808654X";
  auto reg = households::Register({tdb_.db(), audit_, clock_, cipher_}, clerk, h);
  ASSERT_TRUE(reg.ok()) << reg.error().message;
  auto by_number = Sale("2023-10-05", 1, 100);
  by_number.household_id_numbers = {"34130219660808654x"};
  auto e = RecordEvent(D(), op_, a_, by_number);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->event.household_ids, std::vector<int64_t>{reg->id});
  auto by_id = Sale("2023-10-06", 1, 100);
  by_id.household_ids = {reg->id, reg->id};
  EXPECT_EQ(RecordEvent(D(), op_, a_, by_id)->event.household_ids, std::vector<int64_t>{reg->id});
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_events WHERE household_ids LIKE '%654%'"),
            0);  // the ID number is never stored
}

TEST_F(StationEvents, WhoMayRecord) {
  EXPECT_EQ(RecordEvent(D(), op_, b_, Sale("2023-10-03", 1, 1)).error().code,
            ErrorCode::kNotFound);  // not the operator's station
  EXPECT_TRUE(RecordEvent(D(), town_, b_, Sale("2023-10-03", 1, 1)).ok());
  EXPECT_EQ(RecordEvent(D(), town_, a_, Sale("2023-10-03", 1, 1)).error().code,
            ErrorCode::kNotFound);  // outside the town
  EXPECT_EQ(RecordEvent(D(), company_, a_, Sale("2023-10-03", 1, 1)).error().code,
            ErrorCode::kForbidden);                     // the company imports, it does not enter
  EXPECT_TRUE(Events(D(), company_, a_, {}, {}).ok());  // but reads its station's events
  EXPECT_EQ(Events(D(), company_, b_, {}, {}).error().code, ErrorCode::kNotFound);
}

constexpr char kHeader[] = "区划代码,站点名称,日期,服务项目,数量,金额(元),产品,农户,备注\n";

TEST_F(StationEvents, ImportWritesEventsAndTheMonthsAndAgainAddsNothing) {
  std::string good = WriteFile("e.csv", std::string(kHeader) +
                                            "341302100201,甲站,2023-10-03,代卖（农产品上行）,1,"
                                            "128.50,酥梨、黄桃,,张大爷\n"
                                            "341302100201,甲站,2023-10-03,uplink,1,128.50,酥梨,,\n"
                                            "341302100201,甲站,2023-09-30,purchase,2,20,,,\n");
  auto r = ImportEvents(Ctx(), county_, good, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 3) << (r->errors.empty() ? "" : r->errors[0].reason);
  EXPECT_EQ(MonthOf("2023-10"), std::make_tuple(int64_t{2}, int64_t{25700}, std::string("events")));
  EXPECT_EQ(MonthOf("2023-09", "purchase"),
            std::make_tuple(int64_t{2}, int64_t{2000}, std::string("events")));
  EXPECT_TRUE(ImportEvents(Ctx(), county_, good, imports::Mode::kAllOrNothing)->already_imported);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_events"), 3);
}

TEST_F(StationEvents, APartlyAcceptedFileRunAgainSkipsItsWrittenRows) {
  ASSERT_TRUE(SaveMonth(D(), op_, a_, "2023-08", {{"uplink", 5, 500}}, "").ok());
  std::string file = WriteFile("p.csv", std::string(kHeader) +
                                            "341302100201,甲站,2023-10-03,uplink,1,1,,,\n"
                                            "341302100201,甲站,2023-08-03,uplink,1,1,,,\n"
                                            "341302100201,无此站,2023-10-03,uplink,1,1,,,\n"
                                            "341302100201,甲站,2023-10-04,uplink,1,1,,999,\n");
  auto all = ImportEvents(Ctx(), county_, file, imports::Mode::kAllOrNothing);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->rows_rejected, 3);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_events"), 0);
  ASSERT_EQ(all->errors.size(), 3u);
  EXPECT_EQ(all->errors[0].column, "服务项目");  // a monthly figure of 8月 is there
  EXPECT_EQ(all->errors[1].column, "站点名称");
  EXPECT_EQ(all->errors[2].column, "农户");
  auto part = ImportEvents(Ctx(), county_, file, imports::Mode::kValidOnly);
  EXPECT_EQ(part->rows_imported, 1);
  auto again = ImportEvents(Ctx(), county_, file, imports::Mode::kValidOnly);
  EXPECT_EQ(again->rows_imported, 0);
  EXPECT_EQ(again->rows_already_imported, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM station_service_events"), 1);
  EXPECT_EQ(MonthOf("2023-10"), std::make_tuple(int64_t{1}, int64_t{100}, std::string("events")));
}

TEST_F(StationEvents, TheOperatorCompanyImportsForItsOwnStationsOnly) {
  std::string events = WriteFile("c.csv", std::string(kHeader) +
                                              "341302100201,甲站,2023-10-03,uplink,1,1,,,\n"
                                              "341302101203,乙站,2023-10-03,uplink,1,1,,,\n");
  auto r = ImportEvents(Ctx(), company_, events, imports::Mode::kValidOnly);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rows_imported, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_EQ(r->errors[0].reason, "该站点不在您的填报范围内");
  std::string months = WriteFile("m.csv",
                                 "区划代码,站点名称,月份,服务项目,数量,金额(元)\n"
                                 "341302100201,甲站,2023-09,purchase,3,30\n"
                                 "341302101203,乙站,2023-09,purchase,3,30\n");
  auto m = ImportRecords(Ctx(), company_, months, imports::Mode::kValidOnly);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->rows_imported, 1);
  EXPECT_EQ(m->rows_rejected, 1);
  // Without its binding (or bound to another entity) it imports nothing.
  account::Principal unbound = company_;
  unbound.binding.reset();
  std::string other =
      WriteFile("o.csv", std::string(kHeader) + "341302100201,甲站,2023-10-05,uplink,1,1,,,\n");
  EXPECT_EQ(ImportEvents(Ctx(), unbound, other, imports::Mode::kValidOnly)->rows_imported, 0);
  EXPECT_EQ(ImportEvents(Ctx(), op_, other, imports::Mode::kValidOnly).error().code,
            ErrorCode::kForbidden);  // an operator enters, it does not import
}

}  // namespace
}  // namespace ruralec::station
