// Every ErrorId has its own English template, its %1 … %n markers numbered without a gap, and
// the errors real inputs raise carry exactly as many arguments as their template has markers
// (the window fills the translated template with them: a missing one would show "%3").
#include <attnviz/embedding_table.h>
#include <attnviz/error.h>
#include <attnviz/io/atomic_file.h>
#include <attnviz/safetensors.h>
#include <attnviz/tokenizer.h>
#include <attnviz/weights_file.h>

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>

using namespace attnviz;

namespace {

// The highest %n in `templ` (0 for none); `gapless` is false when some %k below it is missing.
int highestMarker(const std::string &templ, bool *gapless = nullptr) {
    QSet<int> seen;
    for (std::size_t i = 0; i + 1 < templ.size(); ++i)
        if (templ[i] == '%' && templ[i + 1] >= '1' && templ[i + 1] <= '9')
            seen.insert(templ[i + 1] - '0');
    const int highest = seen.isEmpty() ? 0 : *std::max_element(seen.begin(), seen.end());
    if (gapless)
        *gapless = seen.size() == highest;
    return highest;
}

// The error `raise` throws, checked against its template's markers.
void expectWellFormed(const std::function<void()> &raise, ErrorId expected) {
    try {
        raise();
        QFAIL("no error was thrown");
    } catch (const InputError &e) {
        QCOMPARE(static_cast<int>(e.id()), static_cast<int>(expected));
        const int markers = highestMarker(errorTemplate(e.id()));
        QCOMPARE(static_cast<int>(e.args().size()), markers);
        QVERIFY2(!QString::fromUtf8(e.what()).contains(QRegularExpression("%[1-9]")), e.what());
    }
}

QByteArray safetensorsBytes(const QByteArray &header, int dataBytes) {
    QByteArray bytes(8, '\0');
    const auto length = static_cast<quint64>(header.size());
    for (int i = 0; i < 8; ++i)
        bytes[i] = static_cast<char>((length >> (8 * i)) & 0xff);
    return bytes + header + QByteArray(dataBytes, '\0');
}

std::vector<std::byte> asBytes(const QByteArray &bytes) {
    std::vector<std::byte> out(static_cast<std::size_t>(bytes.size()));
    std::memcpy(out.data(), bytes.constData(), out.size());
    return out;
}

} // namespace

class TestErrorTemplates : public QObject {
    Q_OBJECT
private slots:
    void everyIdHasItsOwnGaplessTemplate() {
        QSet<QString> seen;
        for (int i = 1; i < static_cast<int>(ErrorId::Count); ++i) {
            const auto id = static_cast<ErrorId>(i);
            const std::string templ = errorTemplate(id);
            QVERIFY2(!templ.empty() && templ != "%1", qPrintable(QString::number(i)));
            QVERIFY2(!seen.contains(QString::fromStdString(templ)), templ.c_str());
            seen.insert(QString::fromStdString(templ));
            bool gapless = false;
            highestMarker(templ, &gapless);
            QVERIFY2(gapless, templ.c_str());
        }
        QCOMPARE(seen.size(), static_cast<int>(ErrorId::Count) - 1);
    }

    void systemErrorsAreTranslatablePhrases() {
        for (const int errnum : {ENOSPC, EACCES, EROFS, ENOENT, EISDIR, EDQUOT, EIO, EFBIG}) {
            const std::string text = systemErrorText(errnum);
            QCOMPARE(QString::fromStdString(text), QString::fromLocal8Bit(std::strerror(errnum)));
            QVERIFY2(isErrorPhrase(text), text.c_str());
        }
    }

    void realErrorsCarryTheirTemplatesArguments() {
        expectWellFormed(
            [] {
                loadAttentionWeights(SafetensorsFile::fromBytes(asBytes(safetensorsBytes(
                                         R"({"embedding.weight":{"dtype":"F32","shape":[2,2],)"
                                         R"("data_offsets":[0,16]}})",
                                         16))),
                                     {});
            },
            ErrorId::WeightsNoModule);
        expectWellFormed(
            [] {
                loadAttentionWeights(
                    SafetensorsFile::fromBytes(asBytes(safetensorsBytes(
                        R"({"q.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[0,16]},)"
                        R"("k.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[16,32]},)"
                        R"("v.weight":{"dtype":"F32","shape":[2,2],"data_offsets":[32,48]}})",
                        48))),
                    WeightsLoadOptions{std::nullopt, 2});
            },
            ErrorId::HeadCountSingleHeadModule);
        QTemporaryDir dir;
        const QString text = dir.filePath("vectors.txt");
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("cat 0.1 0.2\ndog 0.3 abc\n");
        file.close();
        expectWellFormed([&] { EmbeddingTable::fromText(text.toStdString()); },
                         ErrorId::EmbeddingsLineNotNumber);
        expectWellFormed([&] { AtomicFile out(dir.path().toStdString(), "the dump"); },
                         ErrorId::WriteNotRegular);
        expectWellFormed([] { parseTokenizerMode("bytes"); }, ErrorId::TokenizerUnknown);
    }
};

QTEST_GUILESS_MAIN(TestErrorTemplates)
#include "test_error_templates.moc"
