// OpenVINO's C API, from the openvino wheel that `make ocr-runtime` unpacks into .deps/ (openvino_c.pc).
#include <openvino/c/openvino.h>
