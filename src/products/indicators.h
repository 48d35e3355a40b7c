// The product library as a data source of programme indicators (docs/INDICATORS.md "Indicators
// with a data source (product library)"), declared in the manifest. Over the region subtree:
//  - certified_products: products holding a 三品一标 certificate of their own (无公害农产品,
//    绿色食品, 有机农产品, 农产品地理标志 — not the 达标合格证) valid on `to`;
//  - certified_entities_selling_online: producers holding such a certificate valid on `to` (their
//    own or one of their products') with online sales in the months of [from, to] (the sales
//    ledger's current rows, sales::ScanYear);
//  - regional_public_brands: brands flagged 区域公用品牌 of the subtree's entities (as recorded
//    now: brands carry no creation date);
//  - admitted_products: products whose last admission move dated by `to` left them admitted;
//  - traced_batches: batches with a trace event (not a declaration) whose time falls in
//    [from, to] (Asia/Shanghai days);
//  - trace_page_scans: lookups of the subtree's batches' public pages on the days [from, to].
#pragma once

#include <vector>

#include "runtime/module.h"

namespace ruralec::products::indicators {

std::vector<runtime::IndicatorSource> Sources();

}  // namespace ruralec::products::indicators
