# Warnings and sanitizers for every cchc target, in one place.
set(CCHC_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes
    -Wmissing-prototypes -Wformat=2 -Wvla)
if(CCHC_WERROR)
  list(APPEND CCHC_WARNINGS -Werror)
endif()
add_compile_options(${CCHC_WARNINGS})

if(CCHC_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined)
endif()
