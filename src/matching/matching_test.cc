// Listings, demands, proposals and matches through the service (matching.h contract).
#include "households/help.h"
#include "matching/test_fixture.h"

namespace ruralec::matching {
namespace {

using testing::MatchingFixture;

TEST_F(MatchingFixture, StationOperatorListsThroughItsOwnStationOnly) {
  auto own = CreateListing(Dp(), operator_, Pears(s1_, "341302100202", 800));
  ASSERT_TRUE(own.ok()) << own.error().message;
  EXPECT_EQ(own->station_name, "沈圩村电商服务站");
  EXPECT_EQ(own->village_name, "大庄村委会");
  EXPECT_EQ(own->seller_name, "李*");  // staff see the masked name
  EXPECT_EQ(own->contact, "138****8000");
  ASSERT_TRUE(own->point);
  EXPECT_EQ(own->point->lat_e6, 33'700'000);

  auto other = CreateListing(Dp(), operator_, Pears(s2_, "341302101203", 800));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().field, "station_id");
  auto outside = CreateListing(Dp(), operator_, Pears(s1_, "341302101203", 800));
  ASSERT_FALSE(outside.ok());
  EXPECT_EQ(outside.error().field, "village_code");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'listing.create'"), 1);

  auto mine = ListListings(Dp(), operator_, {}, {1, 20});
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->total, 1);
}

TEST_F(MatchingFixture, BadListingInputNamesTheField) {
  struct Case {
    void (*change)(ListingInput&);
    const char* field;
  };
  const Case cases[] = {
      {[](ListingInput& in) { in.quantity = 0; }, "quantity"},
      {[](ListingInput& in) { in.price_fen = 0; }, "price_fen"},
      {[](ListingInput& in) { in.product = " "; }, "product"},
      {[](ListingInput& in) { in.contact = "12345"; }, "contact"},
      {[](ListingInput& in) { in.available_to = *CivilDate::Parse("2023-11-01"); }, "available_to"},
      {[](ListingInput& in) { in.available_from = *CivilDate::Parse("2024-01-05"); },
       "available_to"},
      {[](ListingInput& in) { in.village = *RegionCode::Parse("341302100"); }, "village_code"},
      {[](ListingInput& in) { in.household_id = 999; }, "household_id"},
  };
  for (const Case& c : cases) {
    ListingInput in = Pears(s1_, "341302100201", 100);
    c.change(in);
    auto r = CreateListing(Dp(), town_, in);
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument) << c.field;
    EXPECT_EQ(r.error().field, c.field) << r.error().message;
  }
}

TEST_F(MatchingFixture, HouseholdListingTakesTheHouseholdsVillage) {
  ListingInput in = Pears(s1_, "341302100202", 100);
  in.household_id = h1_;
  auto l = CreateListing(Dp(), town_, in);
  ASSERT_TRUE(l.ok()) << l.error().message;
  EXPECT_EQ(l->village.str(), "341302100201");
  EXPECT_EQ(l->household_id, h1_);
}

TEST_F(MatchingFixture, EntitiesSeeNoPersonalDataUntilTheyTakeAListingUp) {
  auto l = CreateListing(Dp(), town_, Pears(s1_, "341302100201", 800));
  ASSERT_TRUE(l.ok());
  auto board = ListListings(Dp(), entity_, {}, {1, 20});
  ASSERT_TRUE(board.ok()) << board.error().message;
  ASSERT_EQ(board->total, 1);
  EXPECT_FALSE(board->items[0].seller_visible);
  EXPECT_EQ(board->items[0].seller_name, "");
  EXPECT_EQ(board->items[0].contact, "");
  EXPECT_FALSE(board->items[0].household_id);
  EXPECT_FALSE(board->items[0].village_name.empty());

  auto early = RevealListingContact(Dp(), entity_, l->id);  // seen on the board, not taken up
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kForbidden);

  auto m = TakeListing(Dp(), entity_, l->id, 0, 300, std::nullopt);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->entity_id, e1_);
  EXPECT_EQ(m->price_fen, 250);  // the listed price when none is agreed
  auto seen = GetListing(Dp(), entity_, l->id);
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(seen->seller_visible);
  EXPECT_EQ(seen->seller_name, "李四");
  EXPECT_EQ(seen->contact, "138****8000");  // in full only through the audited reveal
  EXPECT_EQ(seen->matched_quantity, 300);
  const char* views =
      "SELECT COUNT(*) FROM audit_log WHERE action = 'pii.view' AND object_type = 'listing'";
  EXPECT_EQ(Count(views), 0);
  auto full = RevealListingContact(Dp(), entity_, l->id);
  ASSERT_TRUE(full.ok()) << full.error().message;
  EXPECT_EQ(*full, "13800138000");
  EXPECT_EQ(Count(views), 1);
}

TEST_F(MatchingFixture, ListingsOutsideTheViewAreNotFound) {
  auto l = CreateListing(Dp(), town_, Pears(s1_, "341302100201", 800));
  ASSERT_TRUE(l.ok());
  auto r = GetListing(Dp(), other_town_, l->id);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(WithdrawListing(Dp(), town_, l->id).ok());
  auto gone = GetListing(Dp(), entity_, l->id);  // entities see open listings only
  ASSERT_FALSE(gone.ok());
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  auto again = WithdrawListing(Dp(), town_, l->id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
}

TEST_F(MatchingFixture, ProposalsRankAndAcceptingRecordsTheMatch) {
  auto near = CreateListing(Dp(), town_, Pears(s1_, "341302100201", 600));
  auto far = CreateListing(Dp(), county_, Pears(s2_, "341302101203", 600));
  ListingInput apples = Pears(s1_, "341302100201", 600);
  apples.product = "苹果";
  ASSERT_TRUE(CreateListing(Dp(), town_, apples).ok());
  ASSERT_TRUE(near.ok() && far.ok());
  auto dm = CreateDemand(Dp(), entity_, Wanted(1000));
  ASSERT_TRUE(dm.ok()) << dm.error().message;
  EXPECT_EQ(dm->in.region.str(), "341302000000");  // the entity's county by default

  auto p = Proposals(Dp(), entity_, dm->id, {1, 20});
  ASSERT_TRUE(p.ok()) << p.error().message;
  ASSERT_EQ(p->total, 2);
  EXPECT_EQ(p->items[0].listing.id, near->id);
  EXPECT_EQ(p->items[1].listing.id, far->id);
  EXPECT_GT(p->items[0].proposal.score, p->items[1].proposal.score);
  EXPECT_EQ(p->items[0].proposal.reasons.size(), 4u);
  EXPECT_FALSE(p->items[0].listing.seller_visible);

  auto m = AcceptProposal(Dp(), entity_, dm->id, near->id, std::nullopt, 240);
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->quantity, 600);
  EXPECT_EQ(m->demand_id, dm->id);
  EXPECT_EQ(m->price_fen, 240);
  EXPECT_NE(m->reasons.find("公里"), std::string::npos);
  auto after = GetDemand(Dp(), entity_, dm->id);
  EXPECT_EQ(after->matched_quantity, 600);
  EXPECT_EQ(after->status, DemandStatus::kOpen);
  EXPECT_EQ(GetListing(Dp(), town_, near->id)->status, ListingStatus::kMatched);

  // The entity no longer sees the matched listing on the board; staff are told why.
  auto twice = AcceptProposal(Dp(), entity_, dm->id, near->id, std::nullopt, std::nullopt);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kNotFound);
  twice = AcceptProposal(Dp(), county_, dm->id, near->id, std::nullopt, std::nullopt);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_TRUE(GetListing(Dp(), entity_, near->id)->seller_visible);  // its own take-up
  auto too_much = AcceptProposal(Dp(), county_, dm->id, far->id, 601, std::nullopt);
  ASSERT_FALSE(too_much.ok());
  EXPECT_EQ(too_much.error().field, "quantity");
  ASSERT_TRUE(AcceptProposal(Dp(), county_, dm->id, far->id, 400, std::nullopt).ok());
  EXPECT_EQ(GetDemand(Dp(), entity_, dm->id)->status, DemandStatus::kFilled);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'match.accept'"), 2);

  auto ms = ListMatches(Dp(), entity_, {}, {1, 20});
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(ms->total, 2);
}

TEST_F(MatchingFixture, ATakenUpHouseholdListingCountsForCoverage) {
  households::HouseholdInput h;
  h.region = *RegionCode::Parse("341302100202");
  h.head_name = "王五";
  h.id_number = "341302197512124569";
  h.willing = h.able = true;
  h.willing_on = h.able_on = D("2023-03-01");
  auto hh = households::Register({tdb_.db(), audit_, clock_, cipher_}, county_, h);
  ASSERT_TRUE(hh.ok()) << hh.error().message;
  ListingInput in = Pears(s1_, "341302100202", 100);
  in.household_id = hh->id;
  auto l = CreateListing(Dp(), town_, in);
  ASSERT_TRUE(l.ok()) << l.error().message;
  auto c = tdb_.db().Acquire();
  RegionCode county = *RegionCode::Parse("341302");
  auto before = households::CoverageIn(*c, county, D("2023-01-01"), D("2023-12-31"));
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->total.eligible, 1);
  EXPECT_EQ(before->total.covered, 0);
  ASSERT_TRUE(TakeListing(Dp(), entity_, l->id, 0, std::nullopt, std::nullopt).ok());
  auto after = households::CoverageIn(*c, county, D("2023-01-01"), D("2023-12-31"));
  EXPECT_EQ(after->total.covered, 1);
  auto last_year = households::CoverageIn(*c, county, D("2022-01-01"), D("2022-12-31"));
  EXPECT_EQ(last_year->total.covered, 0);
}

TEST_F(MatchingFixture, DemandsBelongToTheirEntity) {
  DemandInput other = Wanted(100);
  other.entity_id = e2_;
  auto r = CreateDemand(Dp(), entity_, other);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().field, "entity_id");
  auto staff = CreateDemand(Dp(), other_town_, other);
  ASSERT_TRUE(staff.ok()) << staff.error().message;
  auto hidden = GetDemand(Dp(), entity_, staff->id);
  ASSERT_FALSE(hidden.ok());
  EXPECT_EQ(hidden.error().code, ErrorCode::kNotFound);
  // Town staff of the other town see the county-wide demand (an area above their town).
  EXPECT_TRUE(GetDemand(Dp(), town_, staff->id).ok());
  auto bad = Wanted(100);
  bad.price_min_fen = 400;
  auto r2 = CreateDemand(Dp(), entity_, bad);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().field, "price_max_fen");
}

}  // namespace
}  // namespace ruralec::matching
