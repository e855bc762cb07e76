// The tagger model loader: any bytes either parse into a model or give a clear error naming the
// source; a model that parses decodes any feature sequence into BIO-valid labels and writes back
// to bytes that parse again into the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_util.h"
#include "match/ner/tagger_features.h"
#include "match/ner/tagger_model.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using kashif::internal::TaggerModel;
  if (size > (1u << 20)) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = TaggerModel::Parse(bytes, "fuzz.bin", kashif::internal::kTaggerFeatureVersion);
  if (!parsed.ok()) {
    FUZZ_CHECK(parsed.status().code() == kashif::StatusCode::kInvalidArgument);
    FUZZ_CHECK(parsed.status().message().rfind("fuzz.bin: ", 0) == 0);
    return 0;
  }
  const TaggerModel& model = *parsed;
  const std::string written = model.Serialize();
  auto again = TaggerModel::Parse(written, "again", kashif::internal::kTaggerFeatureVersion);
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->Serialize() == written);

  // Decode a sequence made of the input's own bytes as buckets.
  kashif::internal::FeatureSequence features;
  for (size_t i = 0; i < size && i < 256; ++i) {
    features.buckets.push_back(static_cast<uint32_t>(data[i]) * 2654435761u & model.bucket_mask());
    if (i % 3 == 2) features.EndToken();
  }
  std::vector<int32_t> emissions;
  model.Emissions(features, &emissions);
  kashif::internal::DecodeScratch scratch;
  std::vector<uint8_t> labels;
  model.Decode(emissions.data(), features.size(), &scratch, &labels);
  FUZZ_CHECK(labels.size() == features.size());
  int previous = -1;
  for (uint8_t label : labels) {
    FUZZ_CHECK(label < kashif::internal::kTagLabelCount);
    FUZZ_CHECK(kashif::internal::AllowedTransition(previous, label));
    previous = label;
  }
  return 0;
}
