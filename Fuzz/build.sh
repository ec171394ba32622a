#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/ (see Fuzz/README.md). The Lua target needs the
# TeachBack and LuaHost modules and the C shim compiled with the same sanitizers, so they are
# compiled here directly rather than through SwiftPM.
set -euo pipefail
cd "$(dirname "$0")/.."
out=.build-fuzz
mkdir -p "$out/LuaShim"
flags=(-O -parse-as-library -package-name teachback -sanitize=fuzzer,address)

swiftc "${flags[@]}" Sources/Claude/SSEDecoder.swift Fuzz/FuzzSSE.swift -o "$out/fuzz-sse"
swiftc "${flags[@]}" Sources/REPL/InputParsing.swift Sources/REPL/Completion.swift Fuzz/FuzzInput.swift -o "$out/fuzz-input"

shim=()
for c in Sources/LuaShim/*.c; do
  o="$out/$(basename "$c" .c).o"
  clang -O1 -g -fsanitize=fuzzer-no-link,address -I Sources/LuaShim/include -I/usr/include/lua5.4 -c "$c" -o "$o"
  shim+=("$o")
done
cat > "$out/LuaShim/module.modulemap" <<MAP
module LuaShim { header "$(pwd)/Sources/LuaShim/include/LuaShim.h"
  export * }
MAP
lib=(-I "$out" -Xcc -fmodule-map-file=Sources/CLua/module.modulemap -Xcc "-fmodule-map-file=$out/LuaShim/module.modulemap"
     -Xcc -I/usr/include/lua5.4)
swiftc "${flags[@]}" -enable-testing -wmo -c -module-name TeachBack Sources/TeachBack/*.swift \
  -emit-module-path "$out/TeachBack.swiftmodule" -o "$out/TeachBack.o"
swiftc "${flags[@]}" -enable-testing -wmo -c -module-name LuaHost "${lib[@]}" Sources/LuaHost/*.swift Sources/LuaHost/Text/*.swift \
  -emit-module-path "$out/LuaHost.swiftmodule" -o "$out/LuaHost.o"
swiftc "${flags[@]}" "${lib[@]}" Fuzz/FuzzLua.swift "$out/TeachBack.o" "$out/LuaHost.o" "${shim[@]}" -llua5.4 -o "$out/fuzz-lua"
# The matcher's target shares the differential runner with the tests.
swiftc "${flags[@]}" "${lib[@]}" -module-name FuzzMatch Fuzz/FuzzMatch.swift Tests/LuaHostTests/PatternDifferential.swift \
  "$out/TeachBack.o" "$out/LuaHost.o" "${shim[@]}" -llua5.4 -o "$out/fuzz-match"
