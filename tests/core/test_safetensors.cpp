// Safetensors: PyTorch-made files in every convention and dtype, round trips, and every kind of
// malformed file, each refused with a message that names the problem.
#include "reference_fixture.h"

#include <attnviz/embedder.h>
#include <attnviz/error.h>
#include <attnviz/multi_head_attention.h>
#include <attnviz/safetensors.h>
#include <attnviz/weights_file.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cstring>
#include <fstream>
#include <functional>
#include <sys/stat.h>

using namespace attnviz;

// As in test_reference_parity: float32 summation-order differences stay below 2e-7; F16 and BF16
// files are compared with PyTorch computing on the same rounded weights, so no extra room.
constexpr float kParityTolerance = 1e-5f;

namespace {

std::string safetensorsDir() {
    return std::string(ATTNVIZ_FIXTURE_DIR) + "/safetensors/";
}

nlohmann::json loadExpected(const QString &name) {
    std::ifstream in(safetensorsDir() + name.toStdString() + ".json");
    return nlohmann::json::parse(in);
}

// Bytes of a safetensors file with the given header text and data size.
std::vector<std::byte> fileBytes(const std::string &header, std::size_t dataBytes,
                                 std::optional<std::uint64_t> declaredLength = std::nullopt) {
    const std::uint64_t length = declaredLength.value_or(header.size());
    std::vector<std::byte> bytes(8 + header.size() + dataBytes, std::byte{0});
    for (int i = 0; i < 8; ++i)
        bytes[static_cast<std::size_t>(i)] = static_cast<std::byte>((length >> (8 * i)) & 0xFF);
    std::memcpy(bytes.data() + 8, header.data(), header.size());
    return bytes;
}

QString errorOf(const std::vector<std::byte> &bytes) {
    try {
        SafetensorsFile::fromBytes(bytes);
    } catch (const InputError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

QString loadErrorOf(const std::string &header, std::size_t dataBytes,
                    WeightsLoadOptions options = {}) {
    try {
        const SafetensorsFile file = SafetensorsFile::fromBytes(fileBytes(header, dataBytes));
        loadAttentionWeights(file, options);
    } catch (const InputError &e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

std::string tensor(const std::string &name, const std::string &shape, std::size_t begin,
                   std::size_t end, const std::string &dtype = "F32") {
    return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape +
           ",\"data_offsets\":[" + std::to_string(begin) + "," + std::to_string(end) + "]}";
}

// A complete, valid Self_Attention(d_model 2, dk 2, dv 2) header without biases: 3 × 16 bytes.
std::string tinySelfAttention(const std::string &extra = "") {
    return "{" + tensor("q.weight", "[2,2]", 0, 16) + "," + tensor("k.weight", "[2,2]", 16, 32) +
           "," + tensor("v.weight", "[2,2]", 32, 48) + extra + "}";
}

} // namespace

class TestSafetensors : public QObject {
    Q_OBJECT
private slots:
    void pytorchFilesMatch_data() {
        QTest::addColumn<QString>("name");
        for (const char *name : {"seed_mha_f32", "seed_mha_bf16_prefix_causal", "seed_mha_f64",
                                 "seed_self_attention_f16_causal", "torch_mha_f32_prefix",
                                 "torch_mha_bf16_nobias_causal", "torch_mha_f16_prefix_causal"})
            QTest::newRow(name) << QString(name);
    }
    void pytorchFilesMatch() {
        QFETCH(QString, name);
        const nlohmann::json expected = loadExpected(name);
        const SafetensorsFile file =
            SafetensorsFile::open(safetensorsDir() + name.toStdString() + ".safetensors");
        WeightsLoadOptions options;
        options.prefix = expected["prefix"].get<std::string>();
        if (!expected["heads_in_metadata"].get<bool>() && expected["heads"].get<int>() > 1)
            options.heads = expected["heads"].get<int>();
        const LoadedWeights loaded = loadAttentionWeights(file, options);
        QCOMPARE(loaded.weights.heads, expected["heads"].get<int>());
        QCOMPARE(loaded.weights.dk, expected["dk"].get<int>());
        QCOMPARE(loaded.weights.dv, expected["dv"].get<int>());
        QCOMPARE(loaded.weights.dModel, expected["d_model"].get<int>());

        const Eigen::MatrixXf x = test::matrixFromJson(expected["input"]);
        const AttentionResult r =
            attentionForward(x, loaded.weights, expected["causal"].get<bool>());
        for (std::size_t h = 0; h < r.heads.size(); ++h) {
            const float diff = test::maxAbsDifference(
                r.heads[h].weights, test::matrixFromJson(expected["attention"][h]));
            QVERIFY2(diff <= kParityTolerance, qPrintable(QString("head %1: %2").arg(h).arg(diff)));
        }
        const float diff =
            test::maxAbsDifference(r.output, test::matrixFromJson(expected["output"]));
        QVERIFY2(diff <= kParityTolerance, qPrintable(QString::number(diff)));
    }

    void findsEveryModuleOfAStateDict() {
        const SafetensorsFile file =
            SafetensorsFile::open(safetensorsDir() + "seed_mha_bf16_prefix_causal.safetensors");
        const auto modules = findAttentionModules(file);
        QCOMPARE(modules.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(modules[0].prefix), QString("encoder.layers.0.attn."));
        QCOMPARE(QString::fromStdString(modules[1].prefix), QString("encoder.layers.1.attn."));
        QVERIFY(modules[1].convention == WeightsConvention::SeedMultiHead);
        QCOMPARE(modules[1].queryRows, 12);
        QCOMPARE(modules[1].valueRows, 20);
        try {
            loadAttentionWeights(file, {std::nullopt, 4});
            QFAIL("an ambiguous file was loaded");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("--weights-prefix") &&
                         QString(e.what()).contains("encoder.layers.1.attn."),
                     e.what());
        }
        try {
            loadAttentionWeights(file, {std::string("decoder."), 4});
            QFAIL("an unknown prefix was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("'decoder.'"), e.what());
        }
    }

    void headCountComesFromMetadataOrTheCaller() {
        const SafetensorsFile withMetadata =
            SafetensorsFile::open(safetensorsDir() + "seed_mha_f32.safetensors");
        QCOMPARE(loadAttentionWeights(withMetadata, {}).weights.heads, 2);
        QCOMPARE(loadAttentionWeights(withMetadata, {std::nullopt, 1}).weights.dk, 12);
        const SafetensorsFile without =
            SafetensorsFile::open(safetensorsDir() + "torch_mha_bf16_nobias_causal.safetensors");
        try {
            loadAttentionWeights(without, {});
            QFAIL("loaded without a head count");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("--heads"), e.what());
        }
        try {
            loadAttentionWeights(without, {std::nullopt, 3});
            QFAIL("3 heads do not divide 16 rows");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("3 heads") && QString(e.what()).contains("16"),
                     e.what());
        }
        const LoadedWeights noBias = loadAttentionWeights(without, {std::nullopt, 2});
        QVERIFY(noBias.weights.q.bias.isZero(0.0f)); // bias=False reads as zeros
    }

    void saveThenLoadGivesIdenticalTensors_data() {
        QTest::addColumn<bool>("single");
        QTest::newRow("MultiHeadAttention") << false;
        QTest::newRow("Self_Attention") << true;
    }
    void saveThenLoadGivesIdenticalTensors() {
        QFETCH(bool, single);
        QTemporaryDir dir;
        const std::string path = dir.filePath("w.safetensors").toStdString();
        const AttentionConfig c{24, single ? 1 : 3, 5, 7, false, single};
        const AttentionWeights original = makeRandomWeights(c, 11);
        saveAttentionWeights(path, original, 11);
        const SafetensorsFile file = SafetensorsFile::open(path);
        QCOMPARE(file.metadata().at("num_heads"), std::to_string(c.heads));
        QCOMPARE(file.metadata().at("format"), std::string("pt"));
        QCOMPARE(file.metadata().at("seed"), std::string("11"));
        std::ifstream raw(path, std::ios::binary);
        std::uint64_t headerLength = 0;
        raw.read(reinterpret_cast<char *>(&headerLength), 8);
        QCOMPARE(headerLength % 8, std::uint64_t(0)); // data starts 8-byte aligned
        const AttentionWeights back = loadAttentionWeights(file, {}).weights;
        QVERIFY(back.q.weight == original.q.weight && back.q.bias == original.q.bias);
        QVERIFY(back.k.weight == original.k.weight && back.v.bias == original.v.bias);
        QCOMPARE(back.out.has_value(), !single);
        if (!single)
            QVERIFY(back.out->weight == original.out->weight &&
                    back.out->bias == original.out->bias);
        // And again: the second save is byte-identical to the first.
        const std::string again = dir.filePath("again.safetensors").toStdString();
        saveAttentionWeights(again, back, 11);
        std::ifstream a(path, std::ios::binary), b(again, std::ios::binary);
        QVERIFY(std::string(std::istreambuf_iterator<char>(a), {}) ==
                std::string(std::istreambuf_iterator<char>(b), {}));
    }

    void failedSaveKeepsThePreviousFile() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("keep.safetensors").toStdString();
        const AttentionWeights w = makeRandomWeights(AttentionConfig{8, 2, 2, 2, false, false}, 1);
        saveAttentionWeights(path, w, 1);
        QVERIFY_THROWS_EXCEPTION(
            InputError, saveAttentionWeights(dir.filePath("missing/dir/x").toStdString(), w, 1));
        QCOMPARE(loadAttentionWeights(SafetensorsFile::open(path), {}).weights.heads, 2);
    }

    void malformedFiles_data() {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const std::vector<std::byte> &b,
                            const char *message) {
            QTest::newRow(name) << QByteArray(reinterpret_cast<const char *>(b.data()),
                                              static_cast<qsizetype>(b.size()))
                                << QString(message);
        };
        const std::string valid = "{" + tensor("a", "[2]", 0, 8) + "}";
        row("empty", {}, "too short");
        row("fewer than 8 bytes", std::vector<std::byte>(7), "too short");
        row("header length past the end", fileBytes(valid, 8, 500), "past the end of the file");
        row("header length 2^64-1", fileBytes(valid, 8, UINT64_MAX), "exceeds the limit");
        row("header over 100 MB", fileBytes(valid, 8, 100'000'001), "exceeds the limit");
        row("header not JSON", fileBytes("{not json", 0), "not valid JSON");
        row("header not UTF-8", fileBytes("{\"\xff\":1}", 0), "not valid UTF-8");
        // Found by fuzz_safetensors: nlohmann reports this as out_of_range, not parse_error.
        row("number overflow in header", fileBytes("{\"a\":3406777777e777777777}", 0),
            "out of range");
        row("JSON not an object", fileBytes("[1,2,3]", 0), "not a JSON object");
        row("unknown dtype", fileBytes("{" + tensor("a", "[2]", 0, 8, "F128") + "}", 8),
            "unknown dtype");
        row("negative offset",
            fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[-8,0]}}", 8),
            "non-negative");
        row("reversed offsets", fileBytes("{" + tensor("a", "[0]", 8, 0) + "}", 8), "reversed");
        row("overlapping",
            fileBytes("{" + tensor("a", "[2]", 0, 8) + "," + tensor("b", "[2]", 4, 12) + "}", 12),
            "overlaps");
        row("gap",
            fileBytes("{" + tensor("a", "[2]", 0, 8) + "," + tensor("b", "[2]", 12, 20) + "}", 20),
            "gap");
        row("not from offset 0", fileBytes("{" + tensor("a", "[2]", 4, 12) + "}", 12), "gap");
        row("offsets past the end", fileBytes("{" + tensor("a", "[2]", 0, 8) + "}", 4),
            "past the end of the data");
        row("trailing bytes", fileBytes(valid, 12), "after the last tensor");
        row("shape overflow",
            fileBytes("{" + tensor("a", "[4294967296,4294967296,4]", 0, 8) + "}", 8), "overflows");
        row("shape and length disagree", fileBytes("{" + tensor("a", "[3]", 0, 8) + "}", 8),
            "12 bytes");
        row("duplicate names",
            fileBytes("{" + tensor("a", "[2]", 0, 8) + "," + tensor("a", "[2]", 8, 16) + "}", 16),
            "more than once");
        row("shape not a list",
            fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":7,\"data_offsets\":[0,4]}}", 4),
            "shape");
        row("three offsets",
            fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4,8]}}", 4),
            "exactly two");
        row("metadata not strings", fileBytes("{\"__metadata__\":{\"n\":4}}", 0), "not a string");
        row("tensor not an object", fileBytes("{\"a\":3}", 0), "not described");
        row("missing data_offsets", fileBytes("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", 4),
            "needs dtype");
    }
    void malformedFiles() {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, message);
        std::vector<std::byte> data(static_cast<std::size_t>(bytes.size()));
        if (!data.empty()) // memcpy from an empty QByteArray's null data is undefined
            std::memcpy(data.data(), bytes.constData(), data.size());
        const QString error = errorOf(data);
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
        QVERIFY(!error.contains('\n'));
    }

    void validEdgeCases() {
        // Whitespace padding after the JSON, empty tensors and a metadata-only file are valid.
        QVERIFY(errorOf(fileBytes("{" + tensor("a", "[2]", 0, 8) + "}      ", 8)).isEmpty());
        QVERIFY(errorOf(fileBytes("{" + tensor("a", "[0]", 0, 0) + "}", 0)).isEmpty());
        QVERIFY(errorOf(fileBytes("{\"__metadata__\":{\"k\":\"v\"}}", 0)).isEmpty());
    }

    void badWeights_data() {
        QTest::addColumn<QString>("header");
        QTest::addColumn<int>("dataBytes");
        QTest::addColumn<QString>("message");
        QTest::newRow("no attention module")
            << QString::fromStdString("{" + tensor("x.weight", "[2,2]", 0, 16) + "}") << 16
            << "no attention module";
        QTest::newRow("missing tensor: only q and k")
            << QString::fromStdString("{" + tensor("q.weight", "[2,2]", 0, 16) + "," +
                                      tensor("k.weight", "[2,2]", 16, 32) + "}")
            << 32 << "no attention module";
        QTest::newRow("wrong in-features")
            << QString::fromStdString("{" + tensor("q.weight", "[2,2]", 0, 16) + "," +
                                      tensor("k.weight", "[2,3]", 16, 40) + "," +
                                      tensor("v.weight", "[2,2]", 40, 56) + "}")
            << 56 << "'k.weight' has 3 in-features";
        QTest::newRow("wrong bias length")
            << QString::fromStdString(tinySelfAttention("," + tensor("q.bias", "[3]", 48, 60)))
            << 60 << "'q.bias' has length 3";
        QTest::newRow("weight not a matrix")
            << QString::fromStdString("{" + tensor("q.weight", "[4]", 0, 16) + "," +
                                      tensor("k.weight", "[2,2]", 16, 32) + "," +
                                      tensor("v.weight", "[2,2]", 32, 48) + "}")
            << 48 << "expected a matrix";
        QTest::newRow("integer weights")
            << QString::fromStdString("{" + tensor("q.weight", "[2,2]", 0, 16, "I32") + "," +
                                      tensor("k.weight", "[2,2]", 16, 32) + "," +
                                      tensor("v.weight", "[2,2]", 32, 48) + "}")
            << 48 << "holds I32";
        QTest::newRow("bad num_heads metadata")
            << QString::fromStdString("{\"__metadata__\":{\"num_heads\":\"two\"}," +
                                      tensor("q_linear.weight", "[2,2]", 0, 16) + "," +
                                      tensor("k_linear.weight", "[2,2]", 16, 32) + "," +
                                      tensor("v_linear.weight", "[2,2]", 32, 48) + "," +
                                      tensor("out_linear.weight", "[2,2]", 48, 64) + "}")
            << 64 << "num_heads is 'two'";
        QTest::newRow("wrong out projection")
            << QString::fromStdString("{\"__metadata__\":{\"num_heads\":\"1\"}," +
                                      tensor("q_linear.weight", "[2,2]", 0, 16) + "," +
                                      tensor("k_linear.weight", "[2,2]", 16, 32) + "," +
                                      tensor("v_linear.weight", "[2,2]", 32, 48) + "," +
                                      tensor("out_linear.weight", "[3,2]", 48, 72) + "}")
            << 72 << "output projection has shape [3, 2]";
    }
    void badWeights() {
        QFETCH(QString, header);
        QFETCH(int, dataBytes);
        QFETCH(QString, message);
        const QString error =
            loadErrorOf(header.toStdString(), static_cast<std::size_t>(dataBytes));
        QVERIFY2(error.contains(message), qPrintable("got: " + error));
    }

    void nanWeightsAreRefusedByName() {
        std::vector<std::byte> bytes = fileBytes(tinySelfAttention(), 48);
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const std::size_t data = bytes.size() - 48;
        std::memcpy(bytes.data() + data + 20, &nan, 4); // k.weight[0][1]
        std::memcpy(bytes.data() + data + 24, &nan, 4); // k.weight[1][0]
        try {
            loadAttentionWeights(SafetensorsFile::fromBytes(bytes), {});
            QFAIL("NaN weights were accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("'k.weight' holds 2 NaN"), e.what());
        }
    }

    void halfPrecisionConversions() {
        // F16 0x3C00 = 1, 0xC000 = −2, 0x0001 = 2^−24 (subnormal), 0x7C00 = +inf; BF16 0x3F80 = 1.
        const std::string header =
            "{" + tensor("h", "[4]", 0, 8, "F16") + "," + tensor("b", "[1]", 8, 10, "BF16") + "}";
        std::vector<std::byte> bytes = fileBytes(header, 10);
        const std::uint16_t halves[] = {0x3C00, 0xC000, 0x0001, 0x7C00, 0x3F80};
        std::memcpy(bytes.data() + bytes.size() - 10, halves, 10);
        const SafetensorsFile file = SafetensorsFile::fromBytes(bytes);
        const std::vector<float> h = file.values(*file.find("h"));
        QCOMPARE(h[0], 1.0f);
        QCOMPARE(h[1], -2.0f);
        QCOMPARE(h[2], std::ldexp(1.0f, -24));
        QVERIFY(std::isinf(h[3]));
        QCOMPARE(file.values(*file.find("b"))[0], 1.0f);
    }

    void pathsThatAreNotFiles() {
        QTemporaryDir dir;
        try {
            SafetensorsFile::open(dir.path().toStdString());
            QFAIL("a directory was opened");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("is a directory"), e.what());
        }
        try {
            SafetensorsFile::open(dir.filePath("absent.safetensors").toStdString());
            QFAIL("a missing file was opened");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("cannot open"), e.what());
        }
        // Unreadable: a path through a file (ENOTDIR). Permission bits cannot make a file
        // unreadable for root, who runs CI.
        try {
            SafetensorsFile::open(safetensorsDir() + "seed_mha_f32.safetensors/inner");
            QFAIL("an unreadable path was opened");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("cannot open") &&
                         QString(e.what()).contains("Not a directory"),
                     e.what());
        }
    }

    // Regular files only, refused by kind without blocking (a FIFO with no writer would hang).
    void pathsOfTheWrongKind_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("device /dev/zero") << "device"
                                          << "is a device";
        QTest::newRow("FIFO") << "fifo"
                              << "is a FIFO";
        QTest::newRow("directory") << "directory"
                                   << "is a directory";
    }
    void pathsOfTheWrongKind() {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QTemporaryDir dir;
        std::string path = "/dev/zero";
        if (kind == "fifo") {
            path = dir.filePath("pipe").toStdString();
            QCOMPARE(::mkfifo(path.c_str(), 0600), 0);
        } else if (kind == "directory") {
            path = dir.path().toStdString();
        }
        for (const auto &open : std::initializer_list<std::function<void()>>{
                 [&] { SafetensorsFile::open(path, "the weights file"); },
                 [&] { EmbeddingTable::load(path, std::nullopt); },
                 [&] {
                     EmbeddingTable::load(safetensorsDir() + "embeddings_d16.safetensors", path);
                 }}) {
            try {
                open();
                QFAIL("opened");
            } catch (const InputError &e) {
                QVERIFY2(QString(e.what()).contains(message), e.what());
            }
        }
    }

    // The 8-byte header length is checked against the file's size before anything is read: a
    // sparse 4 GB file took 55 s when it was read whole first.
    void hugeFileWithABadHeaderIsRefusedAtOnce_data() {
        QTest::addColumn<QByteArray>("start");
        QTest::addColumn<QString>("message");
        QTest::newRow("zeros: empty header") << QByteArray(8, '\0') << "not valid JSON";
        QTest::newRow("length past the limit") << QByteArray(8, '\x7f') << "exceeds the limit";
    }
    void hugeFileWithABadHeaderIsRefusedAtOnce() {
        QFETCH(QByteArray, start);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QFile file(dir.filePath("huge.safetensors"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(start), start.size());
        QVERIFY(file.resize(4LL << 30)); // sparse: no disk space used
        file.close();
        QElapsedTimer timer;
        timer.start();
        try {
            SafetensorsFile::open(file.fileName().toStdString(), "the weights file");
            QFAIL("a 4 GB file of zeros was accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
        // Reading the file whole took 55 s; a refusal from the first page takes milliseconds.
        // The bound is generous for a loaded CI machine.
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    // Numbers out of float range are named as such, not as "not finite".
    void embeddingNumbersOutOfRange() {
        QTemporaryDir dir;
        const std::string path = dir.filePath("tiny.txt").toStdString();
        std::ofstream(path) << "a 1e-50 1\n";
        try {
            EmbeddingTable::load(path, std::nullopt);
            QFAIL("accepted");
        } catch (const InputError &e) {
            QVERIFY2(QString(e.what()).contains("'1e-50' is out of the range of a 32-bit float"),
                     e.what());
        }
    }

    void embeddingTables() {
        const auto fromSafetensors =
            EmbeddingTable::load(safetensorsDir() + "embeddings_d16.safetensors", std::nullopt);
        const auto withVocabFile =
            EmbeddingTable::load(safetensorsDir() + "embeddings_d16.safetensors",
                                 safetensorsDir() + "embeddings_d16.vocab");
        const auto fromText =
            EmbeddingTable::load(safetensorsDir() + "embeddings_d16.txt", std::nullopt);
        QCOMPARE(fromSafetensors.size(), std::size_t(16));
        QCOMPARE(fromText.dimension(), 16);
        QVERIFY(*fromSafetensors.find("w3") == *fromText.find("w3"));
        QVERIFY(*withVocabFile.find("w15") == *fromText.find("w15"));
        QVERIFY(fromText.find("W3").has_value()); // lowercase fallback
        QVERIFY(!fromText.find("cat").has_value());

        const std::vector<Token> tokens = {{"w1", 0}, {"cat", 3}, {"w1", 7}, {"cat", 11}};
        std::vector<std::string> oov;
        EmbedderOptions options{16, 42, false, &fromText};
        const Eigen::MatrixXf x = embedTokens(tokens, options, &oov);
        QCOMPARE(oov, std::vector<std::string>{"cat"});
        QVERIFY(x.row(0) == *fromText.find("w1"));
        QVERIFY(x.row(1) == tokenEmbedding("cat", 16, 42));
        options.dModel = 32;
        QVERIFY_THROWS_EXCEPTION(InputError, embedTokens(tokens, options));
    }

    void badEmbeddingFiles() {
        QTemporaryDir dir;
        const auto write = [&](const char *name, const char *text) {
            std::ofstream(dir.filePath(name).toStdString()) << text;
            return dir.filePath(name).toStdString();
        };
        const auto errorFor = [](const std::string &path,
                                 std::optional<std::string> vocab = std::nullopt) {
            try {
                EmbeddingTable::load(path, vocab);
            } catch (const InputError &e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        QVERIFY(errorFor(write("ragged.txt", "a 1 2\nb 1\n")).contains("line 2 has 1 numbers"));
        QVERIFY(errorFor(write("word.txt", "a 1 x\n")).contains("'x' is not a number"));
        QVERIFY(errorFor(write("empty.txt", "\n\n")).contains("no vectors"));
        QVERIFY(errorFor(write("nan.txt", "a nan 1\n")).contains("not a finite number"));
        QVERIFY(write("w2v.txt", "2 2\na 1 2\nb 3 4\n").size() > 0);
        QCOMPARE(EmbeddingTable::load(dir.filePath("w2v.txt").toStdString(), std::nullopt).size(),
                 std::size_t(2));
        QVERIFY(errorFor(safetensorsDir() + "embeddings_d16.safetensors",
                         write("short.vocab", "a\nb\n"))
                    .contains("vocabulary has 2 tokens"));
        QVERIFY(errorFor(safetensorsDir() + "seed_mha_f32.safetensors")
                    .contains("cannot tell which tensor"));
    }
};

QTEST_GUILESS_MAIN(TestSafetensors)
#include "test_safetensors.moc"
