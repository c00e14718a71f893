#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

// SwiftPM links an executable's entry point as `<product>_main`, and a Swift module parsed as a
// library has none; this one hands the command line to libFuzzer's driver, so libFuzzer's own
// `main` is not needed.
int ringback_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
