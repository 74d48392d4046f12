package dev.docannotator.document.docx;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers for WordprocessingML elements (the {@code w:} namespace). */
final class WordXml {
    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    private WordXml() {
    }

    /** True when {@code node} is the element {@code w:<local>}. */
    static boolean is(Node node, String local) {
        return node != null && node.getNodeType() == Node.ELEMENT_NODE
                && W.equals(node.getNamespaceURI()) && local.equals(node.getLocalName());
    }

    /** The local name of a {@code w:} element, or null for anything else (other namespaces, text, comments). */
    static String wordName(Node node) {
        if (node.getNodeType() != Node.ELEMENT_NODE || !W.equals(node.getNamespaceURI())) {
            return null;
        }
        return node.getLocalName();
    }

    static Element firstChild(Element parent, String local) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (is(child, local)) {
                return (Element) child;
            }
        }
        return null;
    }

    static Element create(Document document, String local) {
        return document.createElementNS(W, "w:" + local);
    }

    static String attribute(Element element, String local) {
        return element.getAttributeNS(W, local);
    }

    static void setAttribute(Element element, String local, String value) {
        element.setAttributeNS(W, "w:" + local, value);
    }

    /** Keeps leading and trailing spaces of a {@code w:t} that a split may have exposed. */
    static void preserveSpace(Element text) {
        text.setAttributeNS(XML_NS, "xml:space", "preserve");
    }

    /** The character content of an element such as {@code w:t} (XMLBeans' DOM has no getTextContent). */
    static String text(Element element) {
        Node only = element.getFirstChild();
        if (only == null) {
            return "";
        }
        if (only.getNextSibling() == null && isText(only)) {
            return only.getNodeValue();
        }
        StringBuilder text = new StringBuilder();
        for (Node child = only; child != null; child = child.getNextSibling()) {
            if (isText(child)) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }

    /** Replaces the content of {@code element} with {@code value}. */
    static void setText(Element element, String value) {
        while (element.getFirstChild() != null) {
            element.removeChild(element.getFirstChild());
        }
        element.appendChild(element.getOwnerDocument().createTextNode(value));
    }

    private static boolean isText(Node node) {
        return node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE;
    }

    /**
     * Visits every element under {@code root} (not {@code root} itself) in document order, without recursion (deep XML
     * costs no stack), never entering the {@code w:} elements named in {@code skip} nor an element {@code visitor}
     * answers false for.
     */
    static void forEachElement(Element root, java.util.Set<String> skip, java.util.function.Predicate<Element> visitor) {
        Node node = root.getFirstChild();
        while (node != null) {
            boolean enter = false;
            if (node.getNodeType() == Node.ELEMENT_NODE) {
                String name = wordName(node);
                enter = (name == null || !skip.contains(name)) && visitor.test((Element) node);
            }
            Node next = enter ? node.getFirstChild() : null;
            if (next == null) {
                // the next sibling of this node or of its nearest ancestor below root that has one
                Node up = node;
                while (up != root && up.getNextSibling() == null) {
                    up = up.getParentNode();
                }
                next = up == root ? null : up.getNextSibling();
            }
            node = next;
        }
    }

    static void insertAfter(Node newNode, Node reference) {
        reference.getParentNode().insertBefore(newNode, reference.getNextSibling());
    }
}
