// Test support: the text of every entry of a zip archive (an xlsx workbook's XML), so a test can
// search a download for a string the way a person unzipping it would see it.
#pragma once

#include <string>

namespace ruralec::accesstest {

// Every entry inflated and concatenated (entry names included); "" when `bytes` is no zip.
std::string ZipText(const std::string& bytes);

// `body` itself, or, when it is a zip archive (xlsx), its inflated entries as well.
std::string SearchableText(const std::string& body);

}  // namespace ruralec::accesstest
