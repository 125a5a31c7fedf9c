// Types for `?vdsr` imports: add `/// <reference types="@vdsr/vite-plugin/client" />` to a .d.ts
// of your project (or "@vdsr/vite-plugin/client" to compilerOptions.types).
//
// TypeScript matches module names on a fixed suffix (one `*` per pattern), so the type comes from
// how the import ends: `?vdsr` or `&vdsr` last gives a URL (`./a.png?width=800&format=webp&vdsr`),
// the common scale, format and srcset values below are typed as they are, and any other srcset
// list needs its own `declare module '*&srcset=1,1.25,2'` with `VdsrSrcsetImport` as below.
// `ensemble` has no ending of its own (after a srcset it would be mistyped as a URL): put it before
// the last parameter, `./a.png?vdsr&ensemble=8&scale=2`.

/** What `?vdsr&srcset=...` imports give: the props of an `<img>` (the original is 1x). */
interface VdsrSrcsetImport {
  readonly src: string;
  readonly srcset: string;
  readonly width: number;
  readonly height: number;
}

declare module '*?vdsr' {
  const url: string;
  export default url;
}
declare module '*&vdsr' {
  const url: string;
  export default url;
}
declare module '*&scale=1.5' {
  const url: string;
  export default url;
}
declare module '*&scale=2' {
  const url: string;
  export default url;
}
declare module '*&scale=2.5' {
  const url: string;
  export default url;
}
declare module '*&scale=3' {
  const url: string;
  export default url;
}
declare module '*&scale=4' {
  const url: string;
  export default url;
}
declare module '*&format=png' {
  const url: string;
  export default url;
}
declare module '*&format=jpeg' {
  const url: string;
  export default url;
}
declare module '*&format=webp' {
  const url: string;
  export default url;
}
declare module '*&format=avif' {
  const url: string;
  export default url;
}
declare module '*&srcset=2' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=1,2' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=1,2,3' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=1,2,3,4' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=1,1.5,2' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=1,1.5,2,3' {
  const image: VdsrSrcsetImport;
  export default image;
}
declare module '*&srcset=2,3' {
  const image: VdsrSrcsetImport;
  export default image;
}
