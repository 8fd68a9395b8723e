#include <backoffice/version.hpp>

namespace backoffice {

Version library_version() noexcept { return kHeaderVersion; }

}  // namespace backoffice
