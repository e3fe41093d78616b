import unittest

import wasm_sizes


def section(sid, payload):
    return bytes([sid, len(payload)]) + payload


def string(s):
    return bytes([len(s)]) + s.encode()


def module():
    """A module importing one function (index 0) and defining two: 'demo.Foo::bar' and an unnamed one."""
    types = section(1, bytes([1, 0x60, 0, 0]))                              # one type: () -> ()
    imports = section(2, bytes([1]) + string("env") + string("f") + bytes([0, 0]))
    funcs = section(3, bytes([2, 0, 0]))
    bodies = [bytes([0, 0x01, 0x01, 0x0B]), bytes([0, 0x0B])]              # nop nop end; end
    code = section(10, bytes([2]) + b"".join(bytes([len(b)]) + b for b in bodies))
    names = bytes([1]) + bytes([1]) + string("demo.Foo::bar")               # function 1 only
    name_section = section(0, string("name") + bytes([1, len(names)]) + names)
    return b"\0asm\1\0\0\0" + types + imports + funcs + code + name_section


class WasmSizesTest(unittest.TestCase):
    def test_functions_are_named_after_the_imported_ones_and_sized_by_their_bodies(self):
        found = wasm_sizes.functions(module())
        self.assertEqual([("demo.Foo::bar", 4), ("f2", 2)], [(n, size) for n, size, _ in found])

    def test_sections_are_listed_with_custom_ones_by_name(self):
        labels = [label for _, label, _, _ in wasm_sizes.sections(module())]
        self.assertEqual(["type", "import", "function", "code", "custom:name"], labels)

    def test_a_function_counts_for_the_package_of_its_class(self):
        self.assertEqual("org.apache.lucene.search",
                         wasm_sizes.package("org.apache.lucene.search.BooleanQuery$Builder::add@caller"))
        self.assertEqual("teavm", wasm_sizes.package("teavm@initializer"))

    def test_each_group_is_charged_what_the_deflated_code_loses_without_it(self):
        rows = wasm_sizes.compressed_shares(module())
        self.assertEqual([("demo", 4, 1), ("f2", 2, 1)], [(g, size, n) for _, size, n, g in rows])
        self.assertTrue(all(share > 0 for share, _, _, _ in rows))

    def test_teavm_type_checks_and_start_function_are_groups_of_their_own(self):
        self.assertEqual("TeaVM type checks (@isSupertypes)", wasm_sizes.group("java.util.List@isSupertypes"))
        self.assertEqual("TeaVM start function", wasm_sizes.group("teavm@initializer"))

    def test_a_file_that_is_not_webassembly_is_refused(self):
        with self.assertRaises(ValueError):
            wasm_sizes.sections(b"<html>")


if __name__ == "__main__":
    unittest.main()
